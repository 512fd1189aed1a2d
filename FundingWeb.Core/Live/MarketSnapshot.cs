using System.Collections.Immutable;

namespace FundingWeb.Core.Live;

/// <summary>
/// The whole live state at one instant. Immutable: the hub swaps in a new one after every committed poll, and a
/// reader holding an old one keeps a consistent view.
/// </summary>
/// <param name="AsOfMs">When the newest venue data in it was read (the ingest time of the last poll).</param>
public sealed record MarketSnapshot(long Version, long AsOfMs, bool IsSimulated, ImmutableSortedDictionary<string, VenueSnapshot> Venues)
{
    /// <summary>When the hub published it (UTC ms): what a page's "as of" stamp carries.</summary>
    public long PublishedAtMs { get; init; }

    /// <summary>The publish instant on the hub's clock (<see cref="TimeProvider.GetTimestamp"/>), for latency measured in-process.</summary>
    public long PublishedTimestamp { get; init; }

    /// <summary>How many snapshots the hub had published when it published this one (1 for the first).</summary>
    public long Sequence { get; init; }

    /// <summary>CEX reference rates and their feed's status: reference legs, never a venue (so not in <see cref="Venues"/>).</summary>
    public Reference.ReferenceFeed References { get; init; } = Reference.ReferenceFeed.Empty;

    public static MarketSnapshot Empty { get; } = new(0, 0, false, ImmutableSortedDictionary<string, VenueSnapshot>.Empty);

    public MarketSnapshot WithVenue(VenueSnapshot venue, long asOfMs) =>
        this with { Version = Version + 1, AsOfMs = asOfMs, IsSimulated = venue.Venue.IsSimulated, Venues = Venues.SetItem(venue.Venue.Id, venue) };

    public MarketSnapshot WithReferences(Reference.ReferenceFeed references, long asOfMs) =>
        this with { Version = Version + 1, AsOfMs = asOfMs, References = references };

    /// <summary>Base assets listed anywhere, ordered by total open interest (largest first), then name.</summary>
    public IReadOnlyList<string> Assets =>
        Venues.Values.SelectMany(v => v.Markets.Values)
            .GroupBy(m => m.Market.BaseAsset, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Sum(m => m.OpenInterestUsd ?? 0))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .ToList();
}
