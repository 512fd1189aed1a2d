namespace FundingWeb.Hosting;

public static class ThemeEndpoint
{
    public const string CookieName = "fw-theme";

    /// <summary><c>GET /theme?set=light|dark&amp;return=/path</c>: remembers the choice for this browser and goes back.</summary>
    public static IEndpointRouteBuilder MapFundingTheme(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/theme", (string? set, string? @return, HttpContext context) =>
        {
            var theme = set == "light" ? "light" : "dark";
            context.Response.Cookies.Append(CookieName, theme, new CookieOptions
            {
                HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365), IsEssential = true, Secure = context.Request.IsHttps,
            });
            // Only local paths: an open redirect would let a crafted link bounce users elsewhere.
            return Results.LocalRedirect(LocalUrl.OrRoot(@return));
        });
        return endpoints;
    }
}
