using System.Globalization;
using FundingWeb.Core.Carry;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.Live;
using FundingWeb.Core.Storage;
using FundingWeb.Model;
using Microsoft.AspNetCore.Components;

namespace FundingWeb.Components.Pages;

/// <summary>
/// The carry and exit-risk calculator. History (30 days of one market's settled and quoted funding) and liquidation
/// levels are read when the position changes (navigation); price and today's quote come from the live snapshot and
/// the estimate is recomputed from them at most every <see cref="RecomputeEvery"/> (the hub subscription's own interval).
/// </summary>
public sealed partial class Carry : ComponentBase, IDisposable
{
    private static readonly TimeSpan RecomputeEvery = TimeSpan.FromSeconds(10);

    private CarryQuery _query = CarryQuery.Default;
    private CarryInput _input = new();
    private IReadOnlyList<string> _errors = [];
    private string? _unavailable;
    private CarryEstimate? _estimate;
    private VenueSnapshot? _venue;
    private MarketQuote? _market;
    private IReadOnlyList<FundingRate> _history = [];
    private IReadOnlyList<LadderEntry> _levels = [];
    private LadderKind _levelsKind;
    private readonly CarryOptions _options = new();
    private string? _loadedFor;
    private IDisposable? _subscription;
    private bool _awaitingPrice;

    [Inject] public required MarketHub Hub { get; init; }
    [Inject] public required HistoryQueries Queries { get; init; }
    [Inject] public required MarketLiquidationLevels Levels { get; init; }
    [Inject] public required TimeProvider Time { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    [SupplyParameterFromQuery(Name = "venue")] public string? VenueQuery { get; set; }
    [SupplyParameterFromQuery(Name = "asset")] public string? AssetQuery { get; set; }
    [SupplyParameterFromQuery(Name = "side")] public string? SideQuery { get; set; }
    [SupplyParameterFromQuery(Name = "notional")] public string? NotionalQuery { get; set; }
    [SupplyParameterFromQuery(Name = "leverage")] public string? LeverageQuery { get; set; }
    [SupplyParameterFromQuery(Name = "hours")] public string? HoursQuery { get; set; }
    [SupplyParameterFromQuery(Name = "delay")] public string? DelayQuery { get; set; }

    private long NowMs => Time.GetUtcNow().ToUnixTimeMilliseconds();

    protected override void OnInitialized() =>
        _subscription = Hub.Subscribe(() => InvokeAsync(OnTick), RecomputeEvery);

    protected override async Task OnParametersSetAsync()
    {
        if (Navigation.Uri == _loadedFor) return;
        _loadedFor = Navigation.Uri;
        (_query, _errors) = CarryQuery.Parse(VenueQuery, AssetQuery, SideQuery, NotionalQuery, LeverageQuery, HoursQuery, DelayQuery);
        var snapshot = Hub.Current;
        // No venue in the URL: the venue with the most open interest in the asset.
        var venueId = _query.Venue ?? snapshot.Venues.Values
            .Select(v => (v.Venue.Id, Oi: v.ForAsset(_query.Asset)?.OpenInterestUsd ?? -1))
            .OrderByDescending(x => x.Oi).Select(x => x.Id).FirstOrDefault();
        _query = _query with { Venue = venueId };
        _input = CarryInput.From(_query);
        await LoadAsync(snapshot);
    }

    private async Task LoadAsync(MarketSnapshot snapshot)
    {
        _estimate = null;
        _unavailable = null;
        _venue = _query.Venue is { } id ? snapshot.Venues.GetValueOrDefault(id) : null;
        _market = _venue?.ForAsset(_query.Asset);
        if (_venue is null)
        {
            _unavailable = _query.Venue is null ? "No venue is publishing yet." : $"Venue '{_query.Venue}' is not in the feed.";
            return;
        }
        if (_market is null)
        {
            _unavailable = $"{_venue.Venue.Name} lists no {_query.Asset} perpetual.";
            return;
        }
        // A venue that reports no usable max leverage (0, or not a number) has no cap to check against.
        if (_market.Market.MaxLeverage >= 1 && _query.Leverage > _market.Market.MaxLeverage)
        {
            _errors = [.. _errors, $"Leverage: {_market.Market.Symbol} allows at most {_market.Market.MaxLeverage:0.#}× on {_venue.Venue.Name}."];
        }
        if (_errors.Count > 0) return;

        var to = NowMs;
        var from = to - (long)_options.StressLookback.TotalMilliseconds - (long)(_query.HoldingHours * 3_600_000);
        _history = await Queries.GetMarketFundingAsync(_market.Market.BaseAsset, _venue.Venue.Id, _market.Market.Symbol, from, to, default);
        (_levels, _levelsKind) = await Levels.GetAsync(_venue, _market, default);
        Compute();
    }

    private string? _implausibleQuote;

    private void Compute()
    {
        if (_venue is null || _market is null) return;
        if ((_market.Mark ?? _market.Index) is not { } price || !(price > 0) || !double.IsFinite(price))
        {
            // The calculator needs an entry price; a market without a positive one says so instead of failing the page.
            _estimate = null;
            _awaitingPrice = true;
            _unavailable = $"{_venue.Venue.Name} {_market.Market.Symbol} has no usable price yet (mark and index missing or not positive).";
            return;
        }
        _awaitingPrice = false;
        _unavailable = null;
        var quoted = _query.Side == PositionSide.Short && _market.Leg(FundingLeg.Short) is { } shortLeg ? shortLeg : _market.Funding;
        // An implausible quote is shown, never priced in: the estimate then leans on the settled history alone.
        var quote = quoted is { IsPlausible: true } ? quoted : null;
        _implausibleQuote = quoted?.Implausible;
        // The stress row's exit delay: the venue's settlement facts unless the user gave their own (a bridge, an OTC desk).
        var venue = _query.ExitDelayHours is { } delay ? _venue.Venue with { WithdrawalDelay = TimeSpan.FromHours(delay) } : _venue.Venue;
        var market = new CarryMarket(venue, price, _market.Market.MaintenanceMargin, quote?.Rate1h, _history, _levels, _levelsKind, NowMs);
        _estimate = CarryCalculator.Estimate(_query.ToPosition(_venue.Venue.Id), market, _options);
    }

    private void OnTick()
    {
        if (_estimate is null && !_awaitingPrice) return;
        var snapshot = Hub.Current;
        if (_venue is { } v && snapshot.Venues.TryGetValue(v.Venue.Id, out var fresh) && fresh.Markets.TryGetValue(_market!.Market.Symbol, out var quote))
        {
            (_venue, _market) = (fresh, quote);
        }
        Compute();
        StateHasChanged();
    }

    private void Calculate()
    {
        var (query, errors) = _input.ToQuery();
        if (errors.Count > 0)
        {
            _errors = errors;
            return;
        }
        Navigation.NavigateTo(query.ToUrl());
    }

    private IEnumerable<string> AssetsOf(string? venueId) =>
        (venueId is not null && Hub.Current.Venues.TryGetValue(venueId, out var v)
            ? v.Markets.Values.Where(m => m.Market.Status == Core.Venues.MarketStatus.Active).Select(m => m.Market.BaseAsset)
            : Hub.Current.Assets).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal);

    private static string Usd(double? v) => v is not { } x || !double.IsFinite(x) ? Display.None : (x < 0 ? "−" : "") + "$" + Display.Number(Math.Abs(x), "#,0");

    /// <summary>Cost in position terms: positive pays, negative receives (said in words too).</summary>
    private static string Cost(double? v) => v is not { } x ? "–" : x >= 0 ? $"pays {Usd(x)}" : $"receives {Usd(-x)}";

    private static string CostClass(double? v) => v is > 0 ? "fw-pays" : v is < 0 ? "fw-receives" : "";

    private static string Apr(double? apr) => Display.Percent(apr, "+0.00;-0.00;0.00");

    private static string Rate(double? rate1h) => rate1h is not { } r ? "–"
        : $"{FundingBasis.FormatPercent(r, RateBasis.Hourly)} % per 1h ({FundingBasis.FormatPercent(r, RateBasis.Apr)} % APR)";

    private static string Price(double p) => Display.Number(p, p >= 100 ? "#,0.00" : p >= 1 ? "0.0000" : "0.000000##");

    private static string Pct(double f) => Display.Percent(f);

    private static string Hours(double h) => !double.IsFinite(h) ? Display.None : h < 1 ? string.Create(CultureInfo.InvariantCulture, $"{h * 60:0.#} min") : h >= 48 ? string.Create(CultureInfo.InvariantCulture, $"{h / 24:0.#} days ({h:0.#} h)") : string.Create(CultureInfo.InvariantCulture, $"{h:0.##} h");

    public void Dispose() => _subscription?.Dispose();

    /// <summary>The form's fields as typed.</summary>
    private sealed class CarryInput
    {
        public string Venue { get; set; } = "";
        public string Asset { get; set; } = "BTC";
        public string Side { get; set; } = "long";
        public string Notional { get; set; } = "";
        public string Leverage { get; set; } = "";
        public string Hours { get; set; } = "";
        public string Delay { get; set; } = "";

        public static CarryInput From(CarryQuery q) => new()
        {
            Venue = q.Venue ?? "", Asset = q.Asset, Side = q.Side == PositionSide.Long ? "long" : "short",
            Notional = q.NotionalUsd.ToString("R", CultureInfo.InvariantCulture), Leverage = q.Leverage.ToString("R", CultureInfo.InvariantCulture),
            Hours = q.HoldingHours.ToString("R", CultureInfo.InvariantCulture),
            Delay = q.ExitDelayHours?.ToString("R", CultureInfo.InvariantCulture) ?? "",
        };

        public (CarryQuery Query, IReadOnlyList<string> Errors) ToQuery()
        {
            // An emptied box is an error (an absent URL value means "default"; a cleared field does not).
            var missing = new[] { (Notional, "Notional (USD)"), (Leverage, "Leverage"), (Hours, "Holding time (hours)") }
                .Where(f => string.IsNullOrWhiteSpace(f.Item1)).Select(f => $"{f.Item2}: enter a number.").ToList();
            var (query, errors) = CarryQuery.Parse(Venue, Asset, Side, Clean(Notional), Clean(Leverage), Clean(Hours), Clean(Delay));
            return (query, [.. missing, .. errors]);
        }

        private static string Clean(string text) => text.Replace(",", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Trim();
    }
}
