using FundingWeb.Auth;
using FundingWeb.Core.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace FundingWeb.Hosting;

public static class AuthServiceExtensions
{
    public static IServiceCollection AddFundingAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AuthOptions>(configuration.GetSection("Auth"));
        services.AddSingleton<TeamUsers>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton(sp => new SessionStore(
            sp.GetRequiredService<DbConnectionFactory>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<Core.Cluster.ClusterChannel>()));
        // Several nodes: one key ring in the shared database, so a cookie or antiforgery token made on one node reads on all.
        if (configuration.GetValue<StorageProvider?>("Storage:Provider") == StorageProvider.Postgres)
        {
            services.AddSingleton<DataProtectionKeyRepository>();
            services.AddDataProtection().SetApplicationName("FundingWeb");
            services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
                .Configure<DataProtectionKeyRepository>((o, keys) => o.XmlRepository = keys);
        }
        var lifetime = configuration.GetValue<TimeSpan?>("Auth:SessionLifetime") ?? TimeSpan.FromHours(12);
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = AuthEndpoints.SignInPath;
                o.LogoutPath = AuthEndpoints.SignOutPath;
                o.Cookie.Name = "fw-auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                // Secure whenever the request is HTTPS; behind a TLS proxy that needs ForwardedHeaders (see ProxyServiceExtensions).
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = lifetime;
                o.SlidingExpiration = true;
                // The cookie names a server-side session; a revoked or idled-out one signs the request out.
                o.Events.OnValidatePrincipal = async context =>
                {
                    var sessions = context.HttpContext.RequestServices.GetRequiredService<SessionStore>();
                    var settings = context.HttpContext.RequestServices.GetRequiredService<IOptionsMonitor<AuthOptions>>().CurrentValue;
                    var token = context.Principal?.FindFirst(SessionAuthenticationStateProvider.SessionClaim)?.Value;
                    if (!await sessions.ValidateAsync(token, settings.SessionLifetime, context.HttpContext.RequestAborted))
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                    }
                };
                // Scripts calling the API want a status code, not the sign-in page.
                o.Events.OnRedirectToLogin = context =>
                {
                    if (context.Request.Path.StartsWithSegments("/api")) context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    else context.Response.Redirect(context.RedirectUri);
                    return Task.CompletedTask;
                };
            });
        // The framework's antiforgery cookie is never Secure by default; over HTTPS (direct or via the proxy) it is.
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        // Replaces the framework's provider (registered by AddFundingUi): a live connection hears its session's sign-out.
        services.AddScoped<AuthenticationStateProvider, SessionAuthenticationStateProvider>();
        return services;
    }
}
