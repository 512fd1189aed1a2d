using System.Globalization;
using FundingWeb.Core.Sharing;
using FundingWeb.Model;

namespace FundingWeb.Hosting;

public static class ShareEndpoints
{
    /// <summary>
    /// The gate in front of the shared-view page <c>/s/{token}</c>: 429 with Retry-After (seconds) past the per-client or
    /// per-token limit; 404 for unknown, malformed, expired or revoked tokens (one answer for all, so it tells a guesser
    /// nothing); 403 for a paused link. An active link passes on to the page, which renders the saved view read-only.
    /// </summary>
    public static WebApplication UseFundingShareGate(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path.Value ?? "";
            if (!HttpMethods.IsGet(context.Request.Method) || !path.StartsWith(ShareScopes.SharePathPrefix, StringComparison.Ordinal))
            {
                await next();
                return;
            }
            var token = path[ShareScopes.SharePathPrefix.Length..];
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
                return;
            }
            var resolution = await links.ResolveAsync(token, context.RequestAborted);
            switch (resolution.Status)
            {
                case ShareResolutionStatus.Active:
                    await next();
                    return;
                case ShareResolutionStatus.Paused:
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    await context.Response.WriteAsync("This shared link is paused by its owner.");
                    return;
                default:
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
            }
        });
        return app;
    }
}
