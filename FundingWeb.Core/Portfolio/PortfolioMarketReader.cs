using FundingWeb.Core.Carry;
using FundingWeb.Core.Charts;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.Live;
using FundingWeb.Core.Storage;

namespace FundingWeb.Core.Portfolio;

/// <summary>
/// Reads what <see cref="PortfolioStress"/> needs of each market in a book. The slow part (<see cref="ReadHistoryAsync"/>,
/// on navigation and every <see cref="PortfolioHistory.RefreshEvery"/>): beta from the last <see cref="Lookback"/> of stored
/// prices against the same venue's BTC (the deepest BTC market when the venue lists none), p99 adverse funding from the
/// same window's settlements, ladder clusters from the one ladder service (<see cref="MarketLiquidationLevels"/>), binned,
/// and each venue chain's past congestion episodes. The live part (<see cref="At"/>, per tick, no storage): price, mmr and
/// quote from the snapshot, and the exit delay from the chain now (<see cref="ExitDelayChoice"/>).
/// </summary>
public sealed class PortfolioMarketReader(HistoryQueries queries, MarketLiquidationLevels levels, VenueHealthHistory? health = null)
{
    public static TimeSpan Lookback { get; } = TimeSpan.FromDays(30);

    /// <summary>Width of a ladder cluster bin, as a fraction of the price now.</summary>
    public const double ClusterBinFraction = 0.005;

    /// <summary>History and the snapshot at once (a page's first paint; tests).</summary>
    public async Task<PortfolioMarkets> ReadAsync(IReadOnlyList<BookPosition> book, MarketSnapshot snapshot, long nowMs, TimeSpan? exitDelay, CancellationToken cancellationToken) =>
        At(book, await ReadHistoryAsync(book, snapshot, nowMs, cancellationToken).ConfigureAwait(false), snapshot, nowMs, exitDelay);

    public async Task<PortfolioHistory> ReadHistoryAsync(IReadOnlyList<BookPosition> book, MarketSnapshot snapshot, long nowMs, CancellationToken cancellationToken)
    {
        var from = nowMs - (long)Lookback.TotalMilliseconds;
        var markets = new Dictionary<(string, string), PortfolioMarketHistory>();
        var episodes = new Dictionary<string, IReadOnlyList<TimeSpan>>(StringComparer.Ordinal);
        var btcPrices = new Dictionary<string, IReadOnlyList<(long, double)>>();
        foreach (var key in book.Select(p => (p.Venue, p.Asset)).Distinct())
        {
            // What cannot be priced now is said by At, which sees every snapshot; here it is only not read.
            if (!snapshot.Venues.TryGetValue(key.Venue, out var venue) || venue.ForAsset(key.Asset) is not { } quote
                || quote.Price is not (> 0 and var price) || !double.IsFinite(price))
            {
                continue;
            }
            var beta = await BetaAsync(venue, quote, snapshot, from, nowMs, btcPrices, cancellationToken).ConfigureAwait(false);
            var history = await queries.GetMarketFundingAsync(quote.Market.BaseAsset, venue.Venue.Id, quote.Market.Symbol, from, nowMs, cancellationToken).ConfigureAwait(false);
            var settled = history.Where(r => r.Kind == FundingKind.Settled && r.Leg is FundingLeg.Net or FundingLeg.Long && r.Implausible is null)
                .Select(r => r.Rate1h).ToList();
            var tails = Percentiles.Of(settled, [0.01, 0.99]);
            var (entries, kind) = await levels.GetAsync(venue, quote, cancellationToken).ConfigureAwait(false);
            markets[key] = new PortfolioMarketHistory(beta, tails[0], tails[1], Clusters(venue.Venue.Id, key.Asset, price, entries, kind).ToList());
            if (!episodes.ContainsKey(venue.Venue.Id)) episodes[venue.Venue.Id] = await EpisodesAsync(venue, from, nowMs, cancellationToken).ConfigureAwait(false);
        }
        return new PortfolioHistory(markets, episodes, nowMs);
    }

    /// <summary>
    /// The book's markets at <paramref name="snapshot"/> over <paramref name="history"/>. <paramref name="exitDelay"/> is the
    /// user's own; without it each venue's estimate applies, or its configured delay where nothing was measured.
    /// </summary>
    public static PortfolioMarkets At(IReadOnlyList<BookPosition> book, PortfolioHistory history, MarketSnapshot snapshot, long nowMs, TimeSpan? exitDelay)
    {
        var markets = new Dictionary<(string, string), MarketFacts>();
        var betas = new List<BetaReading>();
        var clusters = new List<LiquidationCluster>();
        var problems = new List<string>();
        var delays = new Dictionary<string, ExitDelayChoice>(StringComparer.Ordinal);
        foreach (var key in book.Select(p => (p.Venue, p.Asset)).Distinct())
        {
            if (!snapshot.Venues.TryGetValue(key.Venue, out var venue))
            {
                problems.Add($"{key.Venue} is not in the feed: its positions are left out.");
                continue;
            }
            if (venue.ForAsset(key.Asset) is not { } quote)
            {
                problems.Add($"{venue.Venue.Name} lists no {key.Asset} perpetual: that position is left out.");
                continue;
            }
            if (quote.Price is not (> 0 and var price) || !double.IsFinite(price))
            {
                problems.Add($"{venue.Venue.Name} {quote.Market.Symbol} has no usable price yet: that position is left out.");
                continue;
            }
            if (!history.Markets.TryGetValue(key, out var read))
            {
                problems.Add($"{venue.Venue.Name} {quote.Market.Symbol} joined the feed after its history was read: left out until the next read.");
                continue;
            }
            if (!delays.TryGetValue(venue.Venue.Id, out var delay))
            {
                var exit = ExitConditions.Of(venue.Venue, venue.ChainHealthAt(nowMs), venue.ChainLimits, nowMs);
                var estimate = ExitDelayEstimate.Of(exit, history.Episodes.GetValueOrDefault(venue.Venue.Id) ?? []);
                delays[venue.Venue.Id] = delay = ExitDelayChoice.Of(venue.Venue.Id, venue.Venue.WithdrawalDelay, estimate, exitDelay);
            }
            betas.Add(read.Beta);
            clusters.AddRange(read.Clusters);
            var quoted = quote.PlausibleFunding?.Rate1h ?? 0;
            // With no settlements the quote stands in for the tail; a long pays a positive rate, a short a negative one.
            markets[key] = new MarketFacts(venue.Venue.Id, key.Asset, price, quote.Market.MaintenanceMargin, read.Beta.Beta, quoted,
                read.SettledP99 ?? quoted, -(read.SettledP01 ?? quoted), delay.Delay);
        }
        return new PortfolioMarkets(markets, clusters, betas, problems, delays.Values.ToList());
    }

    /// <summary>
    /// The venue chain's past congestion episodes over the look-back. Health history is written where this node polls;
    /// elsewhere there is none, and the estimate says it had no episodes.
    /// </summary>
    private async Task<IReadOnlyList<TimeSpan>> EpisodesAsync(VenueSnapshot venue, long fromMs, long toMs, CancellationToken cancellationToken)
    {
        if (venue.Chain is null || health is null) return [];
        var points = await health.GetAsync(venue.Venue.Id, fromMs, toMs, cancellationToken).ConfigureAwait(false);
        return CongestionEpisodes.From(points, (venue.ChainLimits ?? Chains.ChainLimits.Default).LagAfter);
    }

    /// <summary>Ladder entries summed into bins of <see cref="ClusterBinFraction"/> of the price, at each bin's middle.</summary>
    public static IEnumerable<LiquidationCluster> Clusters(string venue, string asset, double price, IEnumerable<LadderEntry> entries, LadderKind kind)
    {
        var width = price * ClusterBinFraction;
        return entries.Where(e => e.NotionalUsd > 0 && double.IsFinite(e.NotionalUsd) && e.LiquidationPrice > 0 && double.IsFinite(e.LiquidationPrice))
            .GroupBy(e => (e.Side, Bin: (long)Math.Floor(e.LiquidationPrice / width)))
            .Select(g => new LiquidationCluster(venue, asset, g.Key.Side, (g.Key.Bin + 0.5) * width, g.Sum(e => e.NotionalUsd), kind));
    }

    private async Task<BetaReading> BetaAsync(VenueSnapshot venue, MarketQuote quote, MarketSnapshot snapshot, long from, long to,
        Dictionary<string, IReadOnlyList<(long, double)>> btcCache, CancellationToken cancellationToken)
    {
        if (string.Equals(quote.Market.BaseAsset, "BTC", StringComparison.OrdinalIgnoreCase))
        {
            return new BetaReading(venue.Venue.Id, quote.Market.BaseAsset, 1, true, "BTC itself");
        }
        var btcVenue = venue.ForAsset("BTC") is not null ? venue
            : snapshot.Venues.Values.Where(v => v.ForAsset("BTC") is not null).OrderByDescending(v => v.ForAsset("BTC")!.OpenInterestUsd ?? 0).FirstOrDefault();
        if (btcVenue?.ForAsset("BTC") is not { } btc)
        {
            return new BetaReading(venue.Venue.Id, quote.Market.BaseAsset, 1, false, "assumed 1: no BTC market in the feed");
        }
        var cacheKey = btcVenue.Venue.Id;
        if (!btcCache.TryGetValue(cacheKey, out var btcPrices))
        {
            btcPrices = (await queries.GetPricesAsync(btcVenue.Venue.Id, btc.Market.Symbol, from, to, cancellationToken).ConfigureAwait(false))
                .Select(p => (p.TimeMs, p.Price)).ToList();
            btcCache[cacheKey] = btcPrices;
        }
        var prices = (await queries.GetPricesAsync(venue.Venue.Id, quote.Market.Symbol, from, to, cancellationToken).ConfigureAwait(false))
            .Select(p => (p.TimeMs, p.Price)).ToList();
        var beta = PortfolioStress.Beta(prices, btcPrices);
        return beta is { } b
            ? new BetaReading(venue.Venue.Id, quote.Market.BaseAsset, b, true, $"30 days of hourly returns against {btcVenue.Venue.Name} BTC")
            : new BetaReading(venue.Venue.Id, quote.Market.BaseAsset, 1, false, "assumed 1: fewer than 24 hourly returns stored");
    }
}
