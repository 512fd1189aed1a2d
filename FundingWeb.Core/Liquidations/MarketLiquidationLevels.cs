using System.Collections.Concurrent;
using FundingWeb.Core.Alerts;
using FundingWeb.Core.Live;
using FundingWeb.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FundingWeb.Core.Liquidations;

/// <summary>
/// The liquidation levels of a market as the Liquidations page draws them: the venue's public positions where it has
/// them (measured), else lots modelled from the last <see cref="Lookback"/> of hourly open interest (modelled). Modelled
/// lots are built per asset from one history read and kept for <see cref="RefreshEvery"/>; the synchronous
/// <see cref="For"/> (alert evaluation on every snapshot) never reads SQLite itself: it answers from the cache and
/// schedules a background rebuild when the entry is missing or old.
/// </summary>
public sealed class MarketLiquidationLevels(HistoryQueries queries, MarketHub hub, TimeProvider time, ILogger<MarketLiquidationLevels>? logger = null) : ILiquidationLevels
{
    public static TimeSpan Lookback { get; } = TimeSpan.FromDays(7);
    public static TimeSpan RefreshEvery { get; } = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, AssetLots> _byAsset = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, byte> _building = new(StringComparer.OrdinalIgnoreCase);
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    public IEnumerable<LadderEntry> For(VenueSnapshot venue, MarketQuote market)
    {
        var measured = Measured(venue, market);
        if (measured.Count > 0) return measured;
        var asset = market.Market.BaseAsset;
        if (!TryFresh(asset, out var lots))
        {
            // Claimed before the build starts, released when it ends: one build per asset at a time, and a build that
            // ends at once cannot leave a stale claim behind.
            if (_building.TryAdd(asset, 0))
            {
                _ = Task.Run(async () =>
                {
                    try
                    {
                        await BuildAsync(asset, CancellationToken.None).ConfigureAwait(false);
                    }
                    catch (Exception e)
                    {
                        _logger.LogWarning(e, "Modelled liquidation levels for {Asset} could not be built", asset);
                    }
                    finally
                    {
                        _building.TryRemove(asset, out _);
                    }
                });
            }
        }
        return lots?.For(venue.Venue.Id, market.Market.Symbol) ?? [];
    }

    /// <summary>Measured levels where the venue shows positions, else modelled ones (built now if the cache has none).</summary>
    public async Task<(IReadOnlyList<LadderEntry> Levels, LadderKind Kind)> GetAsync(VenueSnapshot venue, MarketQuote market, CancellationToken cancellationToken)
    {
        var measured = Measured(venue, market);
        if (measured.Count > 0) return (measured, LadderKind.Measured);
        var asset = market.Market.BaseAsset;
        if (!TryFresh(asset, out var lots))
        {
            lots = await BuildAsync(asset, cancellationToken).ConfigureAwait(false);
        }
        return (lots.For(venue.Venue.Id, market.Market.Symbol), LadderKind.Modelled);
    }

    private static List<LadderEntry> Measured(VenueSnapshot venue, MarketQuote market) => MeasuredLiquidationLevels.Instance.For(venue, market).ToList();

    /// <summary>The cached lots of an asset, and whether they are young enough to use as they are.</summary>
    private bool TryFresh(string asset, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AssetLots? lots) =>
        _byAsset.TryGetValue(asset, out lots) && Now() - lots.BuiltMs <= RefreshEvery.TotalMilliseconds;

    private async Task<AssetLots> BuildAsync(string asset, CancellationToken cancellationToken)
    {
        var now = Now();
        var history = await queries.GetOpenInterestAsync(asset, now - (long)Lookback.TotalMilliseconds, now, cancellationToken).ConfigureAwait(false);
        var lots = new Dictionary<(string, string), IReadOnlyList<LadderEntry>>();
        foreach (var market in history.GroupBy(p => (p.Venue, p.Symbol)))
        {
            // Leverage cap and maintenance margin are the market's own (from the live snapshot).
            if (!hub.Current.Venues.TryGetValue(market.Key.Venue, out var venue) || !venue.Markets.TryGetValue(market.Key.Symbol, out var quote)) continue;
            var modelled = Model(market.ToList(), quote.Market);
            if (modelled.Count > 0) lots[market.Key] = modelled;
        }
        var built = new AssetLots(now, lots);
        _byAsset[asset] = built;
        return built;
    }

    /// <summary>
    /// The modelled levels of one market from its hourly open interest (the one place they are made: this cache, and the
    /// Liquidations page through it). None with fewer than two bars, or when the market's leverage or margin cannot be
    /// modelled (a venue reporting max leverage 0).
    /// </summary>
    public static IReadOnlyList<LadderEntry> Model(IReadOnlyList<Storage.OpenInterestPoint> history, Venues.Market market)
    {
        var bars = history.Where(p => p.Base > 0).OrderBy(p => p.TimeMs).Select(OpenInterestBar.From).ToList();
        var options = ModelledLadderOptions.For(market);
        if (bars.Count < 2 || ModelledLadder.Problem(options) is not null) return [];
        return ModelledLadder.Build(bars, options).OpenLots.Select(LadderEntry.From).ToList();
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();

    private sealed record AssetLots(long BuiltMs, IReadOnlyDictionary<(string Venue, string Symbol), IReadOnlyList<LadderEntry>> Lots)
    {
        public IReadOnlyList<LadderEntry> For(string venue, string symbol) => Lots.GetValueOrDefault((venue, symbol)) ?? [];
    }
}
