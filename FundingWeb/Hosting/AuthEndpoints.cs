using System.Net;
using System.Security.Claims;
using FundingWeb.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace FundingWeb.Hosting;

/// <summary>
/// Sign-in as two plain endpoints (a form and its post): cookies must be set on a real HTTP response, which an
/// interactive page cannot do.
/// </summary>
public static class AuthEndpoints
{
    public const string SignInPath = "/signin";
    public const string SignOutPath = "/signout";

    public static IEndpointRouteBuilder MapFundingAuth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(SignInPath, (HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? error) =>
            Results.Content(Page(antiforgery.GetAndStoreTokens(context), LocalOrRoot(returnUrl), error is not null), "text/html; charset=utf-8"))
            .AllowAnonymous();

        endpoints.MapPost(SignInPath, async (HttpContext context, TeamUsers users, IOptionsMonitor<AuthOptions> options, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest("The sign-in form expired; reload it.");
            var form = await context.Request.ReadFormAsync();
            var returnUrl = LocalOrRoot(form["returnUrl"]);
            if (!options.CurrentValue.Enabled) return Results.LocalRedirect(returnUrl);
            if (users.Verify(form["name"], form["password"]) is not { } name)
            {
                return Results.Redirect($"{SignInPath}?error=1&returnUrl={Uri.EscapeDataString(returnUrl)}");
            }
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], CookieAuthenticationDefaults.AuthenticationScheme);
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
            return Results.LocalRedirect(returnUrl);
        }).AllowAnonymous().DisableAntiforgery();

        endpoints.MapPost(SignOutPath, async (HttpContext context, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest("The sign-out form expired; reload it.");
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect(SignInPath);
        }).AllowAnonymous().DisableAntiforgery();
        return endpoints;
    }

    /// <summary>Only local paths: a crafted link must not bounce a user off-site after sign-in.</summary>
    private static string LocalOrRoot(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\") ? url : "/";

    private static string Page(AntiforgeryTokenSet tokens, string returnUrl, bool failed) => $$"""
        <!DOCTYPE html>
        <html lang="en" data-theme="dark">
        <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Sign in · FundingWeb</title><link rel="stylesheet" href="/css/app.css" /></head>
        <body>
        <main class="fw-signin">
          <h1>FundingWeb</h1>
          <p class="fw-note">Sign in with your team account.</p>
          {{(failed ? "<p class=\"fw-reason\" role=\"alert\" data-testid=\"signin-error\">Name or password is wrong.</p>" : "")}}
          <form method="post" action="{{SignInPath}}" data-testid="signin-form">
            <input type="hidden" name="{{tokens.FormFieldName}}" value="{{WebUtility.HtmlEncode(tokens.RequestToken)}}" />
            <input type="hidden" name="returnUrl" value="{{WebUtility.HtmlEncode(returnUrl)}}" />
            <label>Name <input name="name" autocomplete="username" required autofocus /></label>
            <label>Password <input name="password" type="password" autocomplete="current-password" required /></label>
            <button type="submit">Sign in</button>
          </form>
        </main>
        </body></html>
        """;
}
