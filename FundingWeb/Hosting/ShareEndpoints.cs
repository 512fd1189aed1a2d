using System.Globalization;
using FundingWeb.Core.Sharing;
using Microsoft.AspNetCore.Components.Endpoints;

namespace FundingWeb.Hosting;

public static class ShareEndpoints
{
    /// <summary>
    /// The gate in front of the shared-view page <c>/s/{token}</c>: 429 with Retry-After (seconds) past the per-client or
    /// per-token limit; 404 for unknown, malformed, expired or revoked tokens (one answer for all, so it tells a guesser
    /// nothing); 403 for a paused link. An active link passes on to the page, which renders the saved view read-only.
    /// It keys on the endpoint routing chose (marked by <see cref="MarkSharedView"/>), not on the path's spelling, so every
    /// spelling that reaches the page (<c>/S/</c>, <c>/%73/</c>, a trailing slash) and every method meets the same gate.
    /// Must run after routing.
    /// </summary>
    public static WebApplication UseFundingShareGate(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<ShareGate>() is null)
            {
                await next();
                return;
            }
            var token = context.GetRouteValue(TokenRouteValue) as string ?? "";
            var links = context.RequestServices.GetRequiredService<ShareLinkService>();
            var limiter = context.RequestServices.GetRequiredService<ShareRateLimiter>();
            var options = context.RequestServices.GetRequiredService<ShareLinkOptions>();
            context.Response.Headers.CacheControl = "no-store";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            var client = "client:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            if (!limiter.TryAcquire(client, options.PerClientPermits, options.Window, out var retryAfter)
                || !limiter.TryAcquire("token:" + ShareToken.Hash(token), options.PerTokenPermits, options.Window, out retryAfter))
            {
                context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Core.Telemetry.FundingMetrics.ShareRefusals.Add(1, new KeyValuePair<string, object?>("reason", "rate_limited"));
                return;
            }
            var resolution = await links.ResolveAsync(token, context.RequestAborted);
            switch (resolution.Status)
            {
                case ShareResolutionStatus.Active:
                    Core.Telemetry.FundingMetrics.ShareOpens.Add(1);
                    await next();
                    return;
                case ShareResolutionStatus.Paused:
                    Core.Telemetry.FundingMetrics.ShareRefusals.Add(1, new KeyValuePair<string, object?>("reason", "paused"));
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    await context.Response.WriteAsync("This shared link is paused by its owner.");
                    return;
                default:
                    Core.Telemetry.FundingMetrics.ShareRefusals.Add(1, new KeyValuePair<string, object?>("reason", "not_found"));
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
            }
        });
        return app;
    }

    /// <summary>Marks the page endpoint of <typeparamref name="TPage"/> (the shared view) as gated; call on the page endpoints' builder.</summary>
    public static void MarkSharedView<TPage>(EndpointBuilder endpoint)
    {
        if (endpoint.Metadata.OfType<ComponentTypeMetadata>().Any(m => m.Type == typeof(TPage))) endpoint.Metadata.Add(ShareGate.Instance);
    }

    /// <summary>The page's route parameter, <c>/s/{Token}</c>.</summary>
    private const string TokenRouteValue = "Token";

    private sealed class ShareGate
    {
        public static readonly ShareGate Instance = new();
    }
}
