namespace FundingWeb.Core.Venues;

/// <summary>A venue-level failure with a reason a person can read in the venue status.</summary>
public class VenueException(string reason, Exception? inner = null) : Exception(reason, inner)
{
    public string Reason => Message;
}

/// <summary>The venue said 429; the poller waits at least <see cref="RetryAfter"/> before asking again.</summary>
public sealed class VenueRateLimitedException(TimeSpan retryAfter)
    : VenueException($"rate limited (429), retry after {retryAfter.TotalSeconds:0.###} s")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
