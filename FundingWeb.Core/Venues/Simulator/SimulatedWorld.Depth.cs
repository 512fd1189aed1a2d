using FundingWeb.Core.Depth;

namespace FundingWeb.Core.Venues.Simulator;

public sealed partial class SimulatedWorld
{
    private const int BookLevelsPerSide = 40;
    private const double BookReach = 0.03;

    /// <summary>
    /// A simulated venue's book for one market, as its API would answer now: levels around the mark out to ±3 %, the inner
    /// ones finer; depth within ±2 % of about 4 / 3 / 2 % of the market's OI for tiers 1 / 2 / 3, a half-spread of 0.5 / 1.5 / 4 bp.
    /// In a congestion episode the answer is frozen with the rest of the venue's data, a quarter as deep and three times as
    /// wide. Deterministic: the seed, the market and the 5-second step pick the sizes, never the time it is asked. Null for an
    /// unknown market or a pool venue (GMX: see <see cref="Pool"/>).
    /// </summary>
    public OrderBook? Book(string venueId, string symbol)
    {
        lock (_lock)
        {
            AdvanceTo(SimNowMs);
            if (!TryMarket(venueId, symbol, out var venue, out var m) || m.Profile.Style == SimFundingStyle.SeparateLongShort) return null;
            var (mark, timeMs, congested) = Observed(venue, m);
            var oiUsd = m.OpenInterestBase * mark;
            var tierDepth = m.Asset.Tier switch { 1 => 0.04, 2 => 0.03, _ => 0.02 };
            var halfSpread = m.Asset.Tier switch { 1 => 0.00005, 2 => 0.00015, _ => 0.0004 };
            if (congested) (tierDepth, halfSpread) = (tierDepth / 4, halfSpread * 3);
            var random = new SimRandom(SimRandom.Derive(_options.Seed, $"{venueId}/{symbol}/book/{timeMs / 5000}"));
            var bids = Side(random, mark, -1, halfSpread, oiUsd * tierDepth);
            var asks = Side(random, mark, +1, halfSpread, oiUsd * tierDepth);
            return OrderBook.Create(venueId, symbol, bids, asks, timeMs, SimNowMs, $"simulator://{venueId}/book/{symbol}");
        }
    }

    /// <summary>
    /// A simulated GMX pool: OI per side from the market's long share, a pool that can hold 1.3 × its OI per side, and impact
    /// factors (as GMX's own market info carries them) with exponent 2 and a negative factor of 1 ÷ (20 × OI), so a trade of 1 %
    /// of OI into a balanced pool costs 5 bp; the positive factor is half of it. Frozen with the venue in congestion.
    /// </summary>
    public PoolState? Pool(string venueId, string symbol)
    {
        lock (_lock)
        {
            AdvanceTo(SimNowMs);
            if (!TryMarket(venueId, symbol, out var venue, out var m) || m.Profile.Style != SimFundingStyle.SeparateLongShort) return null;
            var (mark, timeMs, _) = Observed(venue, m);
            var oiUsd = m.OpenInterestBase * mark;
            if (!(oiUsd > 0)) return null;
            var (longOi, shortOi) = (oiUsd * m.LongShare, oiUsd * (1 - m.LongShare));
            var capacity = 1.3 * oiUsd;
            var negative = 1 / (20 * oiUsd);
            return new PoolState(venueId, symbol, timeMs, SimNowMs, longOi, shortOi, Math.Max(0, capacity - longOi), Math.Max(0, capacity - shortOi),
                new PoolImpactParameters(negative / 2, negative, 2, 2), $"simulator://{venueId}/markets/info");
        }
    }

    private bool TryMarket(string venueId, string symbol, out SimVenueState venue, out SimMarketState market)
    {
        market = null!;
        if (!_venues.TryGetValue(venueId, out venue!)) return false;
        market = venue.Markets.FirstOrDefault(x => x.Market.Symbol == symbol)!;
        return market is not null;
    }

    /// <summary>The mark and time the venue's API shows: the frozen ones while it is congested.</summary>
    private (double Mark, long TimeMs, bool Congested) Observed(SimVenueState venue, SimMarketState m)
    {
        if (venue.Frozen is { } frozen && _steppedToMs < venue.CongestedUntilMs
            && frozen.Prices.FirstOrDefault(p => p.Symbol == m.Market.Symbol) is { Mark: { } mark } price)
        {
            return (mark, price.TimeMs, true);
        }
        return (MarkOf(m), _steppedToMs, false);
    }

    private static List<BookLevel> Side(SimRandom random, double mark, int sign, double halfSpread, double depthUsd)
    {
        var weights = new double[BookLevelsPerSide];
        var offsets = new double[BookLevelsPerSide];
        for (var k = 0; k < BookLevelsPerSide; k++)
        {
            offsets[k] = halfSpread + BookReach * Math.Pow(k / (BookLevelsPerSide - 1d), 1.6);
            weights[k] = (0.3 + (double)k / BookLevelsPerSide) * (0.6 + 0.8 * random.Uniform());
        }
        // Scaled so the levels within ±2 % hold the tier's depth.
        var inside = Enumerable.Range(0, BookLevelsPerSide).Where(k => offsets[k] <= 0.02).Sum(k => weights[k]);
        var levels = new List<BookLevel>(BookLevelsPerSide);
        for (var k = 0; k < BookLevelsPerSide; k++)
        {
            var price = mark * (1 + sign * offsets[k]);
            levels.Add(new BookLevel(price, depthUsd * weights[k] / inside / price));
        }
        return levels;
    }
}
