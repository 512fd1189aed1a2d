using FundingWeb.Core.Ingest;
using FundingWeb.Core.Live;
using FundingWeb.Polling;

namespace FundingWeb.Hosting;

public static class HealthEndpoint
{
    /// <summary><c>GET /healthz</c>: overall status and, per venue, its state with the reason, last success (UTC ISO-8601), stale and last error.</summary>
    public static IEndpointRouteBuilder MapFundingHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", (MarketHub hub, VenueClientCatalog catalog, Microsoft.Extensions.Options.IOptions<FeedOptions> feed) =>
        {
            var snapshot = hub.Current;
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
                    Iso(status.LastErrorMs));
            }).ToList();
            // Only a fresh venue puts anything on the screen: none fresh is unhealthy, some not fresh is degraded.
            var fresh = venues.Count(v => v.State == "fresh");
            var overall = fresh == 0 ? "unhealthy" : fresh < venues.Count ? "degraded" : "healthy";
            return Results.Json(new HealthReport(overall, feed.Value.Mode.ToString(), venues),
                statusCode: overall == "unhealthy" ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
        });
        return endpoints;
    }

    private static string? Iso(long? ms) => ms is { } v ? DateTimeOffset.FromUnixTimeMilliseconds(v).ToString("O") : null;

    private sealed record HealthReport(string Status, string Feed, IReadOnlyList<VenueHealthReport> Venues);

    /// <param name="State">fresh, degraded (polls succeed but no market is readable) or stale (see <see cref="VenueHealth"/>).</param>
    /// <param name="Reason">Why the venue is degraded or stale; null when fresh.</param>
    /// <param name="Stale">Kept for existing monitors: true only in the stale state, with <paramref name="StaleReason"/>.</param>
    /// <param name="LastError">The most recent failure, kept after recovery (with <paramref name="LastErrorAt"/>) so an operator can see what happened.</param>
    private sealed record VenueHealthReport(string Venue, string Name, string State, string? Reason, string? LastSuccess, bool Stale, string? StaleReason, string? LastError, string? LastErrorAt);
}
