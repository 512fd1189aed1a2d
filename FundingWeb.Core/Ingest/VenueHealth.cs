using FundingWeb.Core.Live;

namespace FundingWeb.Core.Ingest;

/// <summary>
/// How one venue is doing, as every view shows it (<c>/healthz</c>, the venue strip, the Venues page, the heatmap's
/// column). The one rule: stale as the <see cref="VenueStatusTracker"/> says; otherwise degraded when the latest good
/// poll gave no readable market (all of them failed to parse, or the venue lists none that trade), with the reason;
/// otherwise fresh, with any unreadable markets listed beside it. It is read from the venue's latest snapshot, so it
/// recovers on the first poll that reads a market, with no state of its own to clear.
/// </summary>
/// <param name="Reason">Why the venue is stale or degraded, in words a trader can act on; null when fresh.</param>
/// <param name="SinceMs">Since when it is stale or degraded (as the poller saw it); null when fresh.</param>
public sealed record VenueHealth(VenueState State, string? Reason, long? SinceMs)
{
    public bool IsFresh => State == VenueState.Fresh;

    public string Label => State switch { VenueState.Fresh => "fresh", VenueState.Degraded => "degraded", _ => "stale" };

    public static VenueHealth Of(VenueSnapshot venue)
    {
        ArgumentNullException.ThrowIfNull(venue);
        var status = venue.Status;
        if (status.IsStale || status.LastSuccessMs is null)
        {
            return new VenueHealth(VenueState.Stale, status.StaleReason ?? status.LastError ?? "no successful poll yet", status.StaleSinceMs);
        }
        if (status.DegradedSinceMs is { } since)
        {
            return new VenueHealth(VenueState.Degraded, status.DegradedReason ?? "no readable markets", since);
        }
        if (venue.Markets.Count > 0)
        {
            return new VenueHealth(VenueState.Fresh, null, null);
        }
        var unreadable = venue.MarketErrors.Where(e => !e.Kept).ToList();
        var failed = unreadable.Select(e => e.Symbol).Distinct(StringComparer.Ordinal).Count();
        var reason = failed == 0
            ? "lists no active markets"
            : $"no readable markets: {failed} of {failed} failed: {string.Join("; ", unreadable.Take(3).Select(e => $"{e.Symbol}: {e.Reason}"))}";
        return new VenueHealth(VenueState.Degraded, reason, null);
    }
}
