using FundingWeb.Core.Carry;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.Storage;
using FundingWeb.Model;
using Microsoft.AspNetCore.Components;

namespace FundingWeb.Components.Pages;

/// <summary>
/// The carry and exit-risk calculator. The position lives in the URL; history (the stress look-back plus the hold of one
/// market's settled and quoted funding) and liquidation levels are read when it changes (navigation). The live part
/// (<see cref="Controls.CarryResults"/>) recomputes from the hub on its own, so this page renders only on navigation.
/// </summary>
public sealed partial class Carry : ComponentBase
{
    private CarryQuery _query = CarryQuery.Default;
    private CarryInput _input = new();
    private IReadOnlyList<FieldError> _errors = [];
    private string? _unavailable;
    private CarryLoad? _load;
    private readonly CarryOptions _options = new();
    private string? _loadedFor;

    [Inject] public required Core.Live.MarketHub Hub { get; init; }
    [Inject] public required HistoryQueries Queries { get; init; }
    [Inject] public required MarketLiquidationLevels Levels { get; init; }
    [Inject] public required TimeProvider Time { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required IServiceProvider Services { get; init; }

    [SupplyParameterFromQuery(Name = "venue")] public string? VenueQuery { get; set; }
    [SupplyParameterFromQuery(Name = "asset")] public string? AssetQuery { get; set; }
    [SupplyParameterFromQuery(Name = "side")] public string? SideQuery { get; set; }
    [SupplyParameterFromQuery(Name = "notional")] public string? NotionalQuery { get; set; }
    [SupplyParameterFromQuery(Name = "leverage")] public string? LeverageQuery { get; set; }
    [SupplyParameterFromQuery(Name = "hours")] public string? HoursQuery { get; set; }
    [SupplyParameterFromQuery(Name = "delay")] public string? DelayQuery { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (Navigation.Uri == _loadedFor) return;
        _loadedFor = Navigation.Uri;
        var (parsed, _) = CarryQuery.Parse(VenueQuery, AssetQuery, SideQuery, NotionalQuery, LeverageQuery, HoursQuery, DelayQuery);
        var snapshot = Hub.Current;
        // No venue in the URL: the venue with the most open interest in the asset.
        var venueId = parsed.Venue ?? snapshot.Venues.Values
            .Select(v => (v.Venue.Id, Oi: v.ForAsset(parsed.Asset)?.OpenInterestUsd ?? -1))
            .OrderByDescending(x => x.Oi).Select(x => x.Id).FirstOrDefault();
        // The form shows the URL's values as typed; its judgement of them is the page's.
        _input = CarryInput.FromUrl(parsed with { Venue = venueId }, SideQuery, NotionalQuery, LeverageQuery, HoursQuery, DelayQuery);
        (_query, _errors) = _input.ToQuery(CarryLeverageCap.Of(snapshot, venueId, parsed.Asset));
        _query = _query with { Venue = venueId };
        await LoadAsync(snapshot);
    }

    private async Task LoadAsync(Core.Live.MarketSnapshot snapshot)
    {
        _load = null;
        _unavailable = null;
        var venue = _query.Venue is { } id ? snapshot.Venues.GetValueOrDefault(id) : null;
        var market = venue?.ForAsset(_query.Asset);
        if (venue is null)
        {
            _unavailable = _query.Venue is null ? "No venue is publishing yet." : $"Venue '{_query.Venue}' is not in the feed.";
            return;
        }
        if (market is null)
        {
            _unavailable = $"{venue.Venue.Name} lists no {_query.Asset} perpetual.";
            return;
        }
        if (_errors.Count > 0) return;

        var to = Time.GetUtcNow().ToUnixTimeMilliseconds();
        var from = to - (long)_options.StressLookback.TotalMilliseconds - (long)(_query.HoldingHours * 3_600_000);
        var history = await Queries.GetMarketFundingAsync(market.Market.BaseAsset, venue.Venue.Id, market.Market.Symbol, from, to, default);
        var (levels, kind) = await Levels.GetAsync(venue, market, default);
        _load = new CarryLoad(_query, venue, market, history, levels, kind, await EpisodesAsync(venue, to));
    }

    /// <summary>
    /// The venue chain's past congestion episodes over the stress look-back. Health history is written where this node
    /// polls; elsewhere there is none, and the estimate says it had no episodes.
    /// </summary>
    private async Task<IReadOnlyList<TimeSpan>> EpisodesAsync(Core.Live.VenueSnapshot venue, long toMs)
    {
        if (venue.Chain is null || Services.GetService(typeof(VenueHealthHistory)) is not VenueHealthHistory history) return [];
        var points = await history.GetAsync(venue.Venue.Id, toMs - (long)_options.StressLookback.TotalMilliseconds, toMs, default);
        return CongestionEpisodes.From(points, (venue.ChainLimits ?? Core.Chains.ChainLimits.Default).LagAfter);
    }

    private void Calculate(CarryQuery query) => Navigation.NavigateTo(query.ToUrl());
}
