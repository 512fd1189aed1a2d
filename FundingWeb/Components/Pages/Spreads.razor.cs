using FundingWeb.Components.Controls;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Storage;
using FundingWeb.Model;
using Microsoft.AspNetCore.Components;

namespace FundingWeb.Components.Pages;

/// <summary>
/// Spreads, live. A tick builds the rows and hands them to the grid; the page (toolbar and hold chips) renders only on
/// navigation and pause. "Held for" fills in once the week of stored quotes is read.
/// </summary>
public partial class Spreads
{
    private ValueList<SpreadRow> _rows;
    private SpreadsGrid? _grid;
    private IReadOnlyList<(string Id, string Name)> _venueOptions = [];
    private (string Label, double Hours) _holding = SpreadsPageModel.HoldingPeriods[1];
    private Dictionary<string, IReadOnlyList<FundingPoint>> _history = [];

    [Inject] public required HistoryQueries Queries { get; init; }

    /// <summary>The live table paints at once from the snapshot; "held for" fills in when the week of quotes is read.</summary>
    protected override Task LoadAsync()
    {
        _holding = SpreadsPageModel.HoldingPeriod(State.Window);
        _history = [];
        Refresh();
        _ = LoadHeldAsync();
        return Task.CompletedTask;
    }

    private async Task LoadHeldAsync()
    {
        try
        {
            var to = Now.ToUnixTimeMilliseconds();
            var from = Now.AddDays(-7).ToUnixTimeMilliseconds();
            var history = new Dictionary<string, IReadOnlyList<FundingPoint>>();
            foreach (var asset in Snapshot.Assets)
            {
                history[asset] = await Queries.GetFundingAsync(asset, FundingKind.Quoted, from, to, default);
            }
            await InvokeAsync(() =>
            {
                _history = history;
                Refresh();
                _grid?.Show(_rows);
            });
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }

    protected override Task OnTickAsync()
    {
        var venues = _venueOptions;
        Refresh();
        if (!ReferenceEquals(venues, _venueOptions)) StateHasChanged();
        else _grid?.Show(_rows);
        return Task.CompletedTask;
    }

    private void Refresh()
    {
        _rows = SpreadsPageModel.Build(Snapshot, State, _holding.Hours, _history, Now.ToUnixTimeMilliseconds());
        var options = Snapshot.Venues.Values.Select(v => (v.Venue.Id, v.Venue.Name)).ToList();
        if (!options.SequenceEqual(_venueOptions)) _venueOptions = options;
    }

    /// <summary>Resuming shows the live state at once, not at the next tick.</summary>
    private void PauseOrResume()
    {
        TogglePause();
        if (!Paused) Refresh();
    }
}
