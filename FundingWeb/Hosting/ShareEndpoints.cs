using System.Globalization;
using FundingWeb.Core.Sharing;
using FundingWeb.Model;

namespace FundingWeb.Hosting;

public static class ShareEndpoints
{
    /// <summary>
    /// <c>GET /s/{token}</c>: 404 for unknown, malformed, expired or revoked tokens (one answer for all, so it tells a
    /// guesser nothing); 429 with Retry-After (seconds) past the per-client or per-token limit; 403 with
    /// <c>{"state":"paused"}</c> for a paused link; otherwise 200 with the link's scope, and the open is recorded.
    /// The page the main engineer renders replaces the 200 body; the status codes stay.
    /// </summary>
    public static IEndpointRouteBuilder MapFundingShares(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ShareScopes.SharePathPrefix + "{token}", async (string token, HttpContext context, ShareLinkService links, ShareRateLimiter limiter,
            ShareLinkOptions options, CancellationToken ct) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            var client = "client:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            if (!limiter.TryAcquire(client, options.PerClientPermits, options.Window, out var retryAfter)
                || !limiter.TryAcquire("token:" + ShareToken.Hash(token), options.PerTokenPermits, options.Window, out retryAfter))
            {
                context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return Results.StatusCode(StatusCodes.Status429TooManyRequests);
            }

            var resolution = await links.ResolveAsync(token, ct);
            return resolution switch
            {
                { Status: ShareResolutionStatus.Active, Link: { } link } => Results.Json(Describe(link)),
                { Status: ShareResolutionStatus.Paused } => Results.Json(new { state = "paused" }, statusCode: StatusCodes.Status403Forbidden),
                _ => Results.NotFound(),
            };
        });
        return endpoints;
    }

    private static SharedView Describe(ShareLink link) => new(
        "active", link.Label, link.Scope.Path, link.Scope.Asset, link.Scope.Venues, link.Scope.RangeToken,
        link.Scope.RangeFromMs is { } from ? DateTimeOffset.FromUnixTimeMilliseconds(from).ToString("O", CultureInfo.InvariantCulture) : null,
        link.Scope.RangeToMs is { } to ? DateTimeOffset.FromUnixTimeMilliseconds(to).ToString("O", CultureInfo.InvariantCulture) : null,
        link.Scope.Basis, link.Scope.Window, link.Scope.Venue,
        link.ExpiresMs is { } expires ? DateTimeOffset.FromUnixTimeMilliseconds(expires).ToString("O", CultureInfo.InvariantCulture) : null);

    /// <summary>What an open link shows. No id, creator or token: the viewer learns the view, nothing about the sharer's account.</summary>
    private sealed record SharedView(string State, string Label, string Path, string? Asset, IReadOnlyList<string> Venues, string Range,
        string? From, string? To, string Basis, string? Window, string? Venue, string? ExpiresAt);
}
