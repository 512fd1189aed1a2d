using FundingWeb.Core.Venues;

namespace FundingWeb.Core.Depth;

/// <summary>
/// How many book requests a venue may take per minute. Each venue's published limit (NOTES.md §1.3, §2.3, §3.3, §4.3) is shared
/// with its funding poll, whose own <c>RequestsPerMinute</c> it may spend in full; depth gets at most what is left of 90 % of
/// the limit, in the venue's own unit (Hyperliquid counts weight: its funding requests weigh 20, <c>l2Book</c> 2). Aevo and
/// GMX publish no number: their default stands as configured.
/// </summary>
public static class DepthBudget
{
    private const double Headroom = 0.9;

    /// <param name="Limit">Per minute, in the venue's unit; null where none is published.</param>
    public sealed record VenueLimit(double? Limit, double FundingCost, double DepthCost, int DefaultRequestsPerMinute, string Note);

    public static IReadOnlyDictionary<string, VenueLimit> Limits { get; } = new Dictionary<string, VenueLimit>(StringComparer.OrdinalIgnoreCase)
    {
        [VenueIds.Hyperliquid] = new(1200, 20, 2, 30, "1,200 weight/min per IP; metaAndAssetCtxs and history weigh 20, l2Book 2"),
        [VenueIds.Dydx] = new(600, 1, 1, 30, "100 requests / 10 s per IP (indexer default)"),
        [VenueIds.Paradex] = new(1500, 1, 1, 60, "1,500 requests/min per IP (public)"),
        [VenueIds.Lighter] = new(60, 1, 1, 12, "60 requests/min per IP for standard accounts"),
        [VenueIds.Aevo] = new(null, 1, 1, 30, "no published number; 429 with X-RETRY-AFTER is honoured"),
        [VenueIds.Gmx] = new(null, 1, 1, 2, "no published number; /markets/info is cached for seconds, so twice a minute is plenty"),
    };

    /// <summary>
    /// The depth budget for a venue: the configured (or default) requests per minute, held to what the published limit leaves
    /// after the funding poll; 0 when nothing is left (depth is then off for the venue, and says why).
    /// </summary>
    public static (int RequestsPerMinute, string? Reason) For(string venue, int fundingRequestsPerMinute, int? configured)
    {
        if (!Limits.TryGetValue(venue, out var limit)) return (Math.Max(0, configured ?? 0), configured is null ? "no depth budget for this venue" : null);
        var wanted = Math.Max(0, configured ?? limit.DefaultRequestsPerMinute);
        if (limit.Limit is not { } cap) return (wanted, wanted == 0 ? "depth budget set to 0" : null);
        var left = (int)Math.Floor((cap * Headroom - Math.Max(0, fundingRequestsPerMinute) * limit.FundingCost) / limit.DepthCost);
        if (left <= 0) return (0, $"no depth budget left: the funding poll's {fundingRequestsPerMinute}/min uses the venue's limit ({limit.Note})");
        return wanted <= left ? (wanted, wanted == 0 ? "depth budget set to 0" : null)
            : (left, $"depth held to {left}/min (asked {wanted}): the venue's limit ({limit.Note}) less the funding poll's {fundingRequestsPerMinute}/min");
    }

    /// <summary>Requests one round may spend: its share of the per-minute budget, at least one.</summary>
    public static int RequestsPerRound(int requestsPerMinute, TimeSpan pollInterval) =>
        Math.Max(1, (int)Math.Floor(requestsPerMinute * pollInterval.TotalSeconds / 60d));
}
