using FundingWeb.Core.Live;
using FundingWeb.Polling;

namespace FundingWeb.Hosting;

public static class HealthEndpoint
{
    /// <summary><c>GET /healthz</c>: overall status and, per venue, last success (UTC ISO-8601), stale and last error.</summary>
    public static IEndpointRouteBuilder MapFundingHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", (MarketHub hub, VenueClientCatalog catalog, Microsoft.Extensions.Options.IOptions<FeedOptions> feed) =>
        {
            var snapshot = hub.Current;
            var venues = catalog.Targets.Select(t =>
            {
                var status = snapshot.Venues.TryGetValue(t.Client.Venue.Id, out var v) ? v.Status : Core.Venues.VenueStatus.Unknown(t.Client.Venue.Id);
                return new VenueHealth(
                    t.Client.Venue.Id,
                    t.Client.Venue.Name,
                    status.LastSuccessMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("O") : null,
                    status.IsStale || status.LastSuccessMs is null,
                    status.StaleReason,
                    status.LastError,
                    status.LastErrorMs is { } errorMs ? DateTimeOffset.FromUnixTimeMilliseconds(errorMs).ToString("O") : null);
            }).ToList();
            var stale = venues.Count(v => v.Stale);
            var overall = venues.Count == 0 || stale == venues.Count ? "unhealthy" : stale > 0 ? "degraded" : "healthy";
            return Results.Json(new HealthReport(overall, feed.Value.Mode.ToString(), venues),
                statusCode: overall == "unhealthy" ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
        });
        return endpoints;
    }

    private sealed record HealthReport(string Status, string Feed, IReadOnlyList<VenueHealth> Venues);

    /// <param name="LastError">The most recent failure, kept after recovery (with <paramref name="LastErrorAt"/>) so an operator can see what happened.</param>
    private sealed record VenueHealth(string Venue, string Name, string? LastSuccess, bool Stale, string? StaleReason, string? LastError, string? LastErrorAt);
}
