using System.Collections.Immutable;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.Venues;

namespace FundingWeb.Core.Live;

/// <param name="Markets">By the venue's symbol.</param>
/// <param name="RecentLiquidations">Realised liquidations of the last hours, newest last.</param>
/// <param name="Positions">Public positions' liquidation prices where the venue exposes them (measured ladders).</param>
/// <param name="Chain">The newest reading of the venue's settlement chain (chain probe); null where none is configured.</param>
/// <param name="ChainLimits">What counts as lagging and stalled for that chain, and its planned maintenance windows.</param>
public sealed record VenueSnapshot(
    VenueInfo Venue,
    VenueStatus Status,
    ImmutableDictionary<string, MarketQuote> Markets,
    ImmutableArray<LiquidationEvent> RecentLiquidations,
    ImmutableArray<PositionLiquidation> Positions,
    ImmutableArray<MarketError> MarketErrors,
    Chains.ChainReading? Chain = null,
    Chains.ChainLimits? ChainLimits = null)
{
    /// <summary>The chain judged now; null where no probe is configured.</summary>
    public Chains.ChainHealth? ChainHealthAt(long nowMs) =>
        Chain is { } reading ? Chains.ChainHealth.Of(reading, ChainLimits ?? Chains.ChainLimits.Default, nowMs) : null;

    public static VenueSnapshot Empty(VenueInfo venue) => new(
        venue, VenueStatus.Unknown(venue.Id), ImmutableDictionary<string, MarketQuote>.Empty, [], [], []);

    /// <summary>
    /// The venue's market for an asset. A venue can list several (GMX has an ETH pool per collateral pair): the deepest
    /// by open interest speaks for the venue, then the lowest symbol, so the pick does not follow dictionary order
    /// (which follows string hashes, randomised per process).
    /// </summary>
    public MarketQuote? ForAsset(string baseAsset) =>
        ByAsset.GetValue(this, static v => v.BuildAssetIndex()).GetValueOrDefault(baseAsset);

    // Asked per asset per venue on every tick of every page: built once per snapshot instead of a scan per question. Kept
    // beside the record, not in it, so the record's value equality stays what its parameters say.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<VenueSnapshot, Dictionary<string, MarketQuote>> ByAsset = new();

    private Dictionary<string, MarketQuote> BuildAssetIndex()
    {
        var index = new Dictionary<string, MarketQuote>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in Markets.Values)
        {
            if (!index.TryGetValue(m.Market.BaseAsset, out var best) || Deeper(m, best)) index[m.Market.BaseAsset] = m;
        }
        return index;
    }

    private static bool Deeper(MarketQuote candidate, MarketQuote best)
    {
        // double.CompareTo, as ordering by open interest did: NaN below every number, equal to itself.
        var byDepth = (candidate.OpenInterestUsd ?? 0).CompareTo(best.OpenInterestUsd ?? 0);
        return byDepth > 0 || (byDepth == 0 && string.CompareOrdinal(candidate.Market.Symbol, best.Market.Symbol) < 0);
    }
}
