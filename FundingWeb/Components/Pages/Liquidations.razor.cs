using FundingWeb.Components.Controls;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.Storage;
using FundingWeb.Model;
using Microsoft.AspNetCore.Components;

namespace FundingWeb.Components.Pages;

public partial class Liquidations
{
    /// <summary>The ladder is rebuilt from the live snapshot at most this often; the price marker moves every tick.</summary>
    public static readonly TimeSpan RebuildInterval = TimeSpan.FromSeconds(5);

    private LiquidationsPageModel? _model;
    private LadderHeadline? _headlineFigures;
    private IReadOnlyList<LadderVenueRow> _rows = [];
    private LadderHeadlineFigures? _headline;
    private LadderVenuesTable? _venues;
    private EChart? _chart;
    private IReadOnlyList<LiquidationEvent> _realised = [];
    private long _lastBuiltMs;
    private double? _markedPrice;

    [Inject] public required HistoryQueries Queries { get; init; }

    /// <summary>The one ladder service (alerts, Carry and Portfolio read it too).</summary>
    [Inject] public required MarketLiquidationLevels Levels { get; init; }

    /// <summary>"All venues" first, then every venue the feed knows, as links (a view is a URL).</summary>
    private IEnumerable<(string? Id, string Name)> VenueChoices =>
        new (string?, string)[] { (null, "All venues") }.Concat(Snapshot.Venues.Values.Select(v => ((string?)v.Venue.Id, v.Venue.Name)));

    protected override async Task LoadAsync()
    {
        var (from, to) = State.Range.Resolve(Now);
        // Built (or read from its cache) now, so the first paint has the modelled levels; ticks read the cache.
        foreach (var venue in Snapshot.Venues.Values)
        {
            if (venue.ForAsset(CurrentAsset) is { } market) await Levels.GetAsync(venue, market, default);
        }
        _realised = await Queries.GetLiquidationsAsync(CurrentAsset, State.Venue, from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds(), default);
        Show(LiquidationsPageModel.Build(CurrentAsset, State.Venue, Snapshot, Levels, _realised));
    }

    private void Show(LiquidationsPageModel? model)
    {
        _model = model;
        _lastBuiltMs = Now.ToUnixTimeMilliseconds();
        _markedPrice = model?.Price;
        _headlineFigures = model is null ? null : LiquidationsFigures.Headline(model);
        _rows = model is null ? [] : LiquidationsFigures.Rows(model);
    }

    /// <summary>
    /// Every tick the "price now" marker and figure move to the live price (markers only; no series data). Every
    /// <see cref="RebuildInterval"/> the ladder is rebuilt: same shape → only the bins that changed go to the chart (a patch,
    /// no full redraw) and the figures and venue rows that changed render; a new shape (a venue appeared or left) renders the page.
    /// </summary>
    protected override Task OnTickAsync()
    {
        if (_model is null || _chart is null)
        {
            if (LiquidationsPageModel.Build(CurrentAsset, State.Venue, Snapshot, Levels, _realised) is { } first)
            {
                Show(first);
                StateHasChanged();
            }
            return Task.CompletedTask;
        }
        if (Now.ToUnixTimeMilliseconds() - _lastBuiltMs < RebuildInterval.TotalMilliseconds)
        {
            if (LiquidationsPageModel.PriceNow(CurrentAsset, State.Venue, Snapshot) is { } price && price != _markedPrice)
            {
                _markedPrice = price;
                _chart.SetMarkers(LiquidationsPageModel.PriceLine(price));
                if (_headline is not null) _headline.Show(_headline.Shown with { Price = LiquidationsFigures.Price(price) });
            }
            return Task.CompletedTask;
        }
        var next = LiquidationsPageModel.Build(CurrentAsset, State.Venue, Snapshot, Levels, _realised);
        if (next is null || next.Spec.ShapeKey != _model.Spec.ShapeKey)
        {
            Show(next);
            StateHasChanged();
            return Task.CompletedTask;
        }
        Show(next);
        _chart.Patch(next.Series, next.Spec.XLines);
        _headline?.Show(_headlineFigures!);
        _venues?.Show(_rows);
        return Task.CompletedTask;
    }
}
