using FundingWeb.Components.Controls;
using FundingWeb.Model;
using FundingWeb.Polling;
using Microsoft.AspNetCore.Components;

namespace FundingWeb.Components.Pages;

/// <summary>
/// The live overview. A tick builds the view and hands it to the board; the page itself (and its toolbar) renders only
/// on navigation, pause and selection, so a tick sends the cells, rows and strip items that changed and nothing else.
/// </summary>
public partial class Overview
{
    private OverviewView _view = OverviewView.Empty;
    private OverviewBoard? _board;
    private IReadOnlyList<(string Id, string Name)> _venueOptions = [];
    private (string Venue, string Asset)? _selected;

    [Inject] public required VenueConventionNotes Notes { get; init; }
    [Inject] public required Core.Alerts.IFundingRegimes Regimes { get; init; }
    [Inject] public required HeatmapModels Heatmaps { get; init; }
    [Inject] public required OverviewTableModels Tables { get; init; }

    [SupplyParameterFromQuery(Name = HeatmapModes.Parameter)] public string? ModeQuery { get; set; }

    // Shared: the mode saved with the link, never the URL's (a tampered query string changes nothing).
    private HeatmapMode Mode => Shared is null ? HeatmapModes.Parse(ModeQuery) : PageShareExtras.Mode(Shared.PageExtras);

    protected override Task LoadAsync()
    {
        Refresh();
        return Task.CompletedTask;
    }

    protected override Task OnTickAsync()
    {
        var venues = _venueOptions;
        Refresh();
        // The toolbar's venue chips change only when a venue joins or leaves: then the page renders, otherwise the board.
        if (!ReferenceEquals(venues, _venueOptions)) StateHasChanged();
        else _board?.Show(_view);
        return Task.CompletedTask;
    }

    private void Refresh()
    {
        var heatmap = Heatmaps.For(Snapshot, State.Basis, State.Venues, Notes.Unverified, Mode, Regimes);
        _view = OverviewView.Build(Snapshot, State, Now.ToUnixTimeMilliseconds(), Notes.Unverified, _selected, Mode, Regimes, heatmap,
            Tables.For(Snapshot, State));
        var options = Snapshot.Venues.Values.Select(v => (v.Venue.Id, v.Venue.Name)).ToList();
        if (!options.SequenceEqual(_venueOptions)) _venueOptions = options;
    }

    /// <summary>Resuming shows the live state at once, not at the next tick.</summary>
    private void PauseOrResume()
    {
        TogglePause();
        if (!Paused) Refresh();
    }

    private void Select((string Venue, string Asset) cell)
    {
        _selected = cell;
        Refresh();
    }

    private void CloseSource()
    {
        _selected = null;
        Refresh();
    }
}
