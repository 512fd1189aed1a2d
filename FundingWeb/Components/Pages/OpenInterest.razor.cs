using FundingWeb.Core.OpenInterest;
using FundingWeb.Core.Storage;
using FundingWeb.Model;
using Microsoft.AspNetCore.Components;

namespace FundingWeb.Components.Pages;

public partial class OpenInterest
{
    private OpenInterestPageModel? _model;
    private OpenInterestBreakdown? _live;
    private IReadOnlyList<OpenInterestPoint> _history = [];

    [Inject] public required HistoryQueries Queries { get; init; }

    private IReadOnlyList<(string Id, string Name)> VenueOptions => Snapshot.Venues.Values.Select(v => (v.Venue.Id, v.Venue.Name)).ToList();

    protected override async Task LoadAsync()
    {
        var (from, to) = State.Range.Resolve(Now);
        // A day more than the range, so the 24h change is known at the range start too.
        _history = await Queries.GetOpenInterestAsync(CurrentAsset, from.AddDays(-1).ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds(), default);
        _model = OpenInterestPageModel.Build(CurrentAsset, State, _history, Snapshot, from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds());
        _live = null;
    }

    /// <summary>A tick refreshes the live numbers (shares, changes); the charts keep their history until the next load.</summary>
    protected override Task OnTickAsync()
    {
        if (_model is null) return Task.CompletedTask;
        _live = OpenInterestPageModel.LiveBreakdown(CurrentAsset, State, _history, Snapshot, Now.ToUnixTimeMilliseconds());
        StateHasChanged();
        return Task.CompletedTask;
    }

    private static string UsdSigned(double? v) => v is { } x && double.IsFinite(x) ? (x < 0 ? "−" : "+") + Display.Usd(Math.Abs(x)) : Display.None;
    private static string Pct(double? v) => Display.Percent(v, "+0.00;-0.00;0.00");
    private static string? Sign(double? v) => v is > 0 ? "pos" : v is < 0 ? "neg" : null;
}
