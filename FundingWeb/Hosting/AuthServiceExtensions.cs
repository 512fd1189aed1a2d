using FundingWeb.Auth;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace FundingWeb.Hosting;

public static class AuthServiceExtensions
{
    public static IServiceCollection AddFundingAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AuthOptions>(configuration.GetSection("Auth"));
        services.AddSingleton<TeamUsers>();
        var lifetime = configuration.GetValue<TimeSpan?>("Auth:SessionLifetime") ?? TimeSpan.FromHours(12);
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = AuthEndpoints.SignInPath;
                o.LogoutPath = AuthEndpoints.SignOutPath;
                o.Cookie.Name = "fw-auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.ExpireTimeSpan = lifetime;
                o.SlidingExpiration = true;
                // Scripts calling the API want a status code, not the sign-in page.
                o.Events.OnRedirectToLogin = context =>
                {
                    if (context.Request.Path.StartsWithSegments("/api")) context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    else context.Response.Redirect(context.RedirectUri);
                    return Task.CompletedTask;
                };
            });
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        return services;
    }
}
