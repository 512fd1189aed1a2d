using FundingWeb.Core.Ingest;
using FundingWeb.Core.Live;
using FundingWeb.Polling;

namespace FundingWeb.Hosting;

public static class HealthEndpoint
{
    /// <summary><c>GET /healthz</c>: overall status and, per venue, its state with the reason, last success (UTC ISO-8601), stale and last error.</summary>
    public static IEndpointRouteBuilder MapFundingHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", (MarketHub hub, VenueClientCatalog catalog, Microsoft.Extensions.Options.IOptions<FeedOptions> feed, TimeProvider time) =>
        {
            var snapshot = hub.Current;
            var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
            var venues = catalog.Targets.Select(t =>
            {
                var venue = snapshot.Venues.TryGetValue(t.Client.Venue.Id, out var v) ? v : VenueSnapshot.Empty(t.Client.Venue);
                var status = venue.Status;
                var health = VenueHealth.Of(venue);
                return new VenueHealthReport(
                    t.Client.Venue.Id,
                    t.Client.Venue.Name,
                    health.Label,
                    health.Reason,
                    Iso(status.LastSuccessMs),
                    health.State == VenueState.Stale,
                    health.State == VenueState.Stale ? health.Reason : null,
                    status.LastError,
                    Iso(status.LastErrorMs),
                    status.DataLagMs is { } lag ? Math.Round(lag / 1000d, 3) : null,
                    Chain(venue, nowMs));
            }).ToList();
            // Only a fresh venue puts anything on the screen: none fresh is unhealthy, some not fresh is degraded; a fresh venue
            // whose chain is stalled (or whose sequencer is down) is news too: degraded.
            var fresh = venues.Count(v => v.State == "fresh");
            var stalled = venues.Any(v => v.Chain?.State == "stalled");
            var overall = fresh == 0 ? "unhealthy" : fresh < venues.Count || stalled ? "degraded" : "healthy";
            return Results.Json(new HealthReport(overall, feed.Value.Mode.ToString(), venues),
                statusCode: overall == "unhealthy" ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
        });
        return endpoints;
    }

    private static string? Iso(long? ms) => ms is { } v ? DateTimeOffset.FromUnixTimeMilliseconds(v).ToString("O") : null;

    private static ChainReport? Chain(VenueSnapshot venue, long nowMs)
    {
        if (venue.ChainHealthAt(nowMs) is not { } health) return null;
        var r = health.Reading;
        var sequencer = r.Sequencer switch { Core.Chains.SequencerState.Up => "up", Core.Chains.SequencerState.Down => "down", _ => "unknown" };
        return new ChainReport(r.Chain, health.HeadAgeSeconds is { } a ? Math.Round(a, 3) : null, r.L1LagSeconds is { } l ? Math.Round(l, 3) : null,
            sequencer, Iso(r.SequencerSinceMs), health.Label, health.Reason, Iso(r.ReadAtMs), r.HeadNumber);
    }

    /// <param name="HeadAgeSeconds">Now − the newest block's timestamp.</param>
    /// <param name="L1LagSeconds">How far the chain's settled (finalized, safe or L1-accepted) state trails its head; null where not applicable.</param>
    /// <param name="Sequencer">up, down or unknown (a public uptime feed where one exists).</param>
    /// <param name="Since">When the sequencer's status last changed, where the feed says.</param>
    private sealed record ChainReport(string Name, double? HeadAgeSeconds, double? L1LagSeconds, string Sequencer, string? Since, string State, string? Reason, string? ReadAt, long? Head);

    private sealed record HealthReport(string Status, string Feed, IReadOnlyList<VenueHealthReport> Venues);

    /// <param name="State">fresh, degraded (polls succeed but no market is readable) or stale (see <see cref="VenueHealth"/>).</param>
    /// <param name="Reason">Why the venue is degraded or stale; null when fresh.</param>
    /// <param name="Stale">Kept for existing monitors: true only in the stale state, with <paramref name="StaleReason"/>.</param>
    /// <param name="LastError">The most recent failure, kept after recovery (with <paramref name="LastErrorAt"/>) so an operator can see what happened.</param>
    /// <param name="DataLagSeconds">Fetch time − the venue's own data time at the last poll; null where the venue gives no data time.</param>
    /// <param name="Chain">The venue's settlement chain as its probe last read it; null where no probe is configured.</param>
    private sealed record VenueHealthReport(string Venue, string Name, string State, string? Reason, string? LastSuccess, bool Stale, string? StaleReason, string? LastError, string? LastErrorAt,
        double? DataLagSeconds, ChainReport? Chain);
}
