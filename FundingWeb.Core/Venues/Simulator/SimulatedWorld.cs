using FundingWeb.Core.Funding;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.OpenInterest;

namespace FundingWeb.Core.Venues.Simulator;

/// <summary>
/// One shared market that every simulated venue observes: correlated prices with jumps, a sentiment per asset that
/// venues' premiums follow with their own noise and clamp, OI that builds and unwinds, liquidations on sharp moves and
/// congestion episodes. The path advances on a fixed grid of simulated time, so it depends only on the seed and the
/// start time, never on when or how often it is observed.
/// </summary>
public sealed partial class SimulatedWorld
{
    private const double LiveStepSeconds = 5;
    private const double SecondsPerYear = 365d * 24 * 3600;
    private const double Interest8h = 0.0001;
    private const double Clamp8h = 0.0005;

    private readonly Lock _lock = new();
    private readonly SimulatorOptions _options;
    private readonly TimeProvider _time;
    private readonly SimRandom _random;
    private readonly DateTimeOffset _realStart;
    private readonly long _simStartMs;
    private readonly double[] _logPrice;
    private readonly double[] _sentiment;
    private readonly Dictionary<string, SimVenueState> _venues = new(StringComparer.OrdinalIgnoreCase);
    private long _steppedToMs;
    private long _stepIndex;
    private bool _warmingUp;
    // Draws only for what the backfill adds (past liquidations), so the main stream, and every series it makes, is unchanged.
    private readonly SimRandom _backfillRandom;

    public SimulatedWorld(SimulatorOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
        _random = new SimRandom(options.Seed);
        _backfillRandom = new SimRandom(options.Seed ^ 0x5EED_B1F);
        _realStart = time.GetUtcNow();
        _simStartMs = _realStart.ToUnixTimeMilliseconds();
        Assets = SimAssetCatalog.All;
        _logPrice = Assets.Select(a => Math.Log(a.Price)).ToArray();
        _sentiment = Assets.Select(_ => 0.0001 + 0.00035 * _random.Normal()).ToArray();
        foreach (var profile in SimVenueProfiles.All)
        {
            _venues[profile.Info.Id] = new SimVenueState(profile, CreateMarkets(profile));
        }
        foreach (var id in options.FailingVenues) SetFailing(id, true);

        var lastHourMs = _simStartMs / 3_600_000 * 3_600_000;
        _steppedToMs = lastHourMs - (long)options.BackfillDays * 24 * 3_600_000;
        while (_steppedToMs < lastHourMs) Step(3600, backfill: true);
        // The catch-up to "now" is still history: no congestion episode may start before anyone is watching.
        _warmingUp = true;
        AdvanceTo(_simStartMs);
        _warmingUp = false;
    }

    public IReadOnlyList<SimAsset> Assets { get; }

    public IEnumerable<SimVenueProfile> Venues => _venues.Values.Select(v => v.Profile);

    public long SimNowMs => _simStartMs + (long)((_time.GetUtcNow() - _realStart).TotalMilliseconds * _options.Acceleration);

    public bool IsFailing(string venueId) => _venues.TryGetValue(venueId, out var v) && v.Failing;

    public void SetFailing(string venueId, bool failing)
    {
        if (_venues.TryGetValue(venueId, out var v)) v.Failing = failing;
    }

    /// <summary>The current state of one venue as its API would show it (frozen while the venue is congested).</summary>
    public SimObservation Observe(string venueId)
    {
        lock (_lock)
        {
            AdvanceTo(SimNowMs);
            var venue = _venues[venueId];
            if (venue.Frozen is { } frozen && _steppedToMs < venue.CongestedUntilMs)
            {
                return frozen;
            }
            venue.Frozen = null;
            return Snapshot(venue, drain: true);
        }
    }

    /// <summary>Hourly settled funding and OI of one market between two times, oldest first.</summary>
    public VenueHistory History(string venueId, string symbol, long fromMs, long toMs)
    {
        lock (_lock)
        {
            AdvanceTo(SimNowMs);
            var venue = _venues[venueId];
            var funding = venue.SettledHistory.TryGetValue(symbol, out var f)
                ? f.Where(r => r.TimeMs >= fromMs && r.TimeMs <= toMs).ToList() : [];
            var oi = venue.OpenInterestHistory.TryGetValue(symbol, out var o)
                ? o.Where(r => r.TimeMs >= fromMs && r.TimeMs <= toMs).ToList() : [];
            var liquidations = venue.LiquidationHistory.TryGetValue(symbol, out var l)
                ? l.Where(e => e.TimeMs >= fromMs && e.TimeMs <= toMs).ToList() : [];
            return new VenueHistory(funding, oi) { Liquidations = liquidations };
        }
    }

    private List<SimMarketState> CreateMarkets(SimVenueProfile profile)
    {
        var markets = new List<SimMarketState>();
        foreach (var asset in Assets)
        {
            var listingDraw = new SimRandom(SimRandom.Derive(_options.Seed, profile.Info.Id + "/" + asset.Symbol)).Uniform();
            if (listingDraw >= profile.Listing[asset.Tier - 1]) continue;
            var maxLeverage = asset.Tier switch
            {
                1 => profile.MaxLeverageMajors,
                2 => Math.Max(10, profile.MaxLeverageMajors / 2),
                _ => Math.Max(3, profile.MaxLeverageMajors / 4),
            };
            var period = profile.Style == SimFundingStyle.ContinuousPerPeriod && asset.Tier > 1 && listingDraw < 0.3 ? 1d : 8d;
            var (_, interval) = profile.Convention(period);
            var quotedOver = profile.Style == SimFundingStyle.ContinuousPerPeriod ? period : interval;
            // Simulated venues publish their cap like Paradex does (max_funding_rate per period), so the plausibility rule has one to apply.
            var market = new Market(profile.Info.Id, profile.SymbolOf(asset.Symbol), asset.Symbol,
                quotedOver, maxLeverage, 0.5 / maxLeverage, FundingCap: profile.Cap1h * quotedOver);
            var oiUsd = asset.OpenInterestUsd * profile.OiShare * (0.6 + 0.8 * _random.Uniform());
            var state = new SimMarketState(profile, asset, market, 0.0003 * _random.Normal(), oiUsd, 0.5 + 0.1 * _random.Normal())
            {
                OpenInterestBase = oiUsd / asset.Price,
            };
            markets.Add(state);
        }
        return markets;
    }

    private void AdvanceTo(long targetMs)
    {
        while (_steppedToMs + LiveStepSeconds * 1000 <= targetMs) Step(LiveStepSeconds, backfill: false);
    }
}
