using FundingWeb.Core.Funding;
using FundingWeb.Core.Live;
using FundingWeb.Core.OpenInterest;
using FundingWeb.Model;
using FundingWeb.Polling;
using Microsoft.AspNetCore.Components;

namespace FundingWeb.Components.Pages;

public partial class Overview
{
    private HeatmapViewModel _heatmap = HeatmapViewModel.Build(MarketSnapshot.Empty, RateBasis.Apr);
    private IReadOnlyList<SpreadRow> _spreads = [];
    private IReadOnlyList<AssetConcentration> _concentration = [];
    private (string Venue, string Asset)? _selected;

    [Inject] public required VenueConventionNotes Notes { get; init; }

    /// <summary>The overview is the page traders watch for changes: pushes as soon as a poll lands (coalesced to 100 ms).</summary>
    protected override TimeSpan TickInterval => TimeSpan.FromMilliseconds(100);

    private IReadOnlyList<(string Id, string Name)> VenueOptions => Snapshot.Venues.Values.Select(v => (v.Venue.Id, v.Venue.Name)).ToList();

    private string AsOf => Snapshot.AsOfMs == 0 ? "waiting for the first poll" :
        DateTimeOffset.FromUnixTimeMilliseconds(Snapshot.AsOfMs).ToString("yyyy-MM-dd HH:mm:ss") + " UTC";

    protected override Task LoadAsync()
    {
        Refresh();
        return Task.CompletedTask;
    }

    protected override Task OnTickAsync()
    {
        Refresh();
        StateHasChanged();
        return Task.CompletedTask;
    }

    private void Refresh()
    {
        _heatmap = HeatmapViewModel.Build(Snapshot, State.Basis, State.Venues, Notes.Unverified);
        _spreads = SpreadsPageModel.Build(Snapshot, State, 168, new Dictionary<string, IReadOnlyList<Core.Storage.FundingPoint>>(), Now.ToUnixTimeMilliseconds());
        _concentration = AssetConcentration.Top(Snapshot, State, Now.ToUnixTimeMilliseconds());
    }

    private (VenueSnapshot Venue, MarketQuote Quote)? SelectedSource() =>
        _selected is { } s && Snapshot.Venues.TryGetValue(s.Venue, out var v) && v.ForAsset(s.Asset) is { } q ? (v, q) : null;
}
