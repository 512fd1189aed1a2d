using FundingWeb.Components.Controls;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Storage;
using FundingWeb.Model.Health;
using FundingWeb.Polling;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FundingWeb.Components.Pages;

/// <summary>
/// The Venues page as a health board: live figures per venue (pushed), history charts of the range in the URL (read from
/// SQLite on navigation only), settlement facts and conventions.
/// </summary>
public sealed partial class Venues
{
    private VenueTables? _tables;
    private IReadOnlyList<ConventionChange> _changes = [];
    private IReadOnlyList<VenueHealthChart> _charts = [];
    private VenueHealthHistory? _history;

    [Inject] public required MarketDataRepository Repository { get; init; }
    [Inject] public required IServiceProvider Services { get; init; }

    private IReadOnlyList<(string Id, string Name)> VenueOptions =>
        Snapshot.Venues.Values.OrderBy(v => v.Venue.Name, StringComparer.Ordinal).Select(v => (v.Venue.Id, v.Venue.Name)).ToList();

    protected override void OnInitialized()
    {
        // Registered only where this node polls (the poller writes it); a web-only node has none to read.
        _history = Services.GetService<VenueHealthHistory>();
        base.OnInitialized();
    }

    private VenueBoardLimits LimitsFor(string venueId)
    {
        var target = Services.GetService<VenueClientCatalog>()?.Targets.FirstOrDefault(t => t.Client.Venue.Id == venueId);
        return target is null ? VenueBoardLimits.Default : new VenueBoardLimits(target.Settings.StaleAfter, target.Settings.AttemptTimeout);
    }

    protected override async Task LoadAsync()
    {
        _changes = await Repository.GetConventionChangesAsync(50, CancellationToken.None);
        if (_history is null) return;
        var now = Now;
        var (from, to) = State.Range.IsCustom ? (State.Range.From!.Value, State.Range.To!.Value) : (now - State.Range.Length!.Value, now);
        var points = await _history.GetAsync(null, from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds(), CancellationToken.None);
        var shown = points.Where(p => State.Shows(p.Venue)).ToList();
        var names = Snapshot.Venues.Values.ToDictionary(v => v.Venue.Id, v => v.Venue.Name, StringComparer.Ordinal);
        _charts = VenueHealthCharts.From(shown, names, State.Range.Label);
    }

    /// <summary>Ticks update the tables only; the toolbar and the history charts stay as rendered.</summary>
    protected override Task OnTickAsync()
    {
        if (_tables is null) StateHasChanged();
        else _tables.Update(Snapshot);
        return Task.CompletedTask;
    }
}
