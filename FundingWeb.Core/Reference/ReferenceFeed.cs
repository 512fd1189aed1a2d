using System.Collections.Immutable;
using FundingWeb.Core.Venues;

namespace FundingWeb.Core.Reference;

/// <summary>
/// The reference feed's part of the live snapshot: its status (stale with a reason when the last answer was unusable) and the
/// latest reading per asset and exchange. A failed poll changes only the status: the readings stay as they were.
/// </summary>
public sealed record ReferenceFeed(VenueStatus Status, ImmutableDictionary<string, ImmutableArray<ReferenceQuote>> ByAsset)
{
    public const string FeedId = "hyperliquid-reference";

    public static ReferenceFeed Empty { get; } = new(VenueStatus.Unknown(FeedId), ImmutableDictionary<string, ImmutableArray<ReferenceQuote>>.Empty);

    public ImmutableArray<ReferenceQuote> For(string asset) => ByAsset.TryGetValue(asset, out var quotes) ? quotes : [];

    public ReferenceQuote? Latest(string asset, string exchange)
    {
        foreach (var quote in For(asset))
        {
            if (quote.Exchange == exchange) return quote;
        }
        return null;
    }

    /// <summary>The new readings over the old: an asset or exchange this answer lacks keeps its last reading.</summary>
    public ReferenceFeed With(VenueStatus status, IReadOnlyList<ReferenceQuote> quotes)
    {
        var byAsset = ByAsset.ToBuilder();
        foreach (var group in quotes.GroupBy(q => q.Asset, StringComparer.Ordinal))
        {
            var fresh = group.GroupBy(q => q.Exchange, StringComparer.Ordinal).Select(g => g.MaxBy(q => q.TimeMs)!).ToList();
            var kept = For(group.Key).Where(old => fresh.All(f => f.Exchange != old.Exchange));
            byAsset[group.Key] = [.. kept.Concat(fresh).OrderBy(q => q.Exchange, StringComparer.Ordinal)];
        }
        return new ReferenceFeed(status, byAsset.ToImmutable());
    }
}
