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
    [Inject] public required Core.Depth.SlippageService Slippage { get; init; }

    [SupplyParameterFromQuery(Name = SpreadsPageModel.NotionalParameter)] public string? NotionalQuery { get; set; }

    private double _notional = SpreadsPageModel.DefaultNotionalUsd;
    private string _notionalText = "100000";
    private string? _notionalError;

    /// <summary>The live table paints at once from the snapshot; "held for" fills in when the week of quotes is read.</summary>
    /// <summary>
    /// A tick here re-ranks every pair and re-derives how long each spread has held from its history: at most four a
    /// second per tab, so a desk's tabs on this page cost the server a bounded amount whatever the venues' poll rate.
    /// </summary>
    protected override TimeSpan TickInterval => TimeSpan.FromMilliseconds(250);

    protected override Task LoadAsync()
    {
        _holding = SpreadsPageModel.HoldingPeriod(State.Window);
        // Shared: the notional saved with the link, never the URL's.
        (_notional, _notionalError) = SpreadsPageModel.ParseNotional(Shared is null ? NotionalQuery : PageShareExtras.Notional(Shared.PageExtras));
        _notionalText = _notionalError is null ? _notional.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : NotionalQuery ?? "";
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
        var notional = _notional;
        _rows = SpreadsPageModel.Build(Snapshot, State, _holding.Hours, _history, Now.ToUnixTimeMilliseconds(),
            (shortVenue, longVenue, asset) => SpreadSlippage.Of(Slippage, shortVenue, longVenue, asset, notional),
            (venue, entry, asset) => SpreadSlippage.OfVenueLeg(Slippage, venue, entry, asset, notional, "the CEX reference leg"));
        var options = Snapshot.Venues.Values.Select(v => (v.Venue.Id, v.Venue.Name)).ToList();
        if (!options.SequenceEqual(_venueOptions)) _venueOptions = options;
    }

    /// <summary>The notional goes into the URL, so the view (and a link to it) says what was walked.</summary>
    private void ApplyNotional()
    {
        var (notional, error) = SpreadsPageModel.ParseNotional(_notionalText);
        if (error is not null || string.IsNullOrWhiteSpace(_notionalText))
        {
            _notionalError = error ?? "Notional (USD): enter a number.";
            return;
        }
        _notionalError = null;
        Navigation.NavigateTo(FundingUrls.Spreads(State, notional));
    }

    private void NotionalKeyUp(Microsoft.AspNetCore.Components.Web.KeyboardEventArgs e)
    {
        if (e.Key == "Enter") ApplyNotional();
    }

    /// <summary>Resuming shows the live state at once, not at the next tick.</summary>
    private void PauseOrResume()
    {
        TogglePause();
        if (!Paused) Refresh();
    }
}
