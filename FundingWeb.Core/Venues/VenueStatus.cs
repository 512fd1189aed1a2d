namespace FundingWeb.Core.Venues;

/// <summary>Health of one venue's feed as the poller last saw it.</summary>
/// <param name="StaleSince">Set while the venue is stale (failing, silent, or serving lagging data); null when fresh.</param>
/// <param name="StaleReason">Why it is stale, in words a trader can act on.</param>
/// <param name="ErrorRate">Share of the recent polls that failed (0..1).</param>
/// <param name="DataLagMs">How old the venue's own data was at the last poll, where it says.</param>
public sealed record VenueStatus(
    string Venue,
    long? LastSuccessMs,
    long? StaleSinceMs,
    string? StaleReason,
    string? LastError,
    long? LastErrorMs,
    double? LatencyMs,
    double ErrorRate,
    long Polls,
    long Failures,
    long? DataLagMs = null,
    long? DegradedSinceMs = null,
    string? DegradedReason = null)
{
    public bool IsStale => StaleSinceMs is not null;

    public static VenueStatus Unknown(string venue) =>
        new(venue, null, null, "no successful poll yet", null, null, null, 0, 0, 0);
}
