using System.Globalization;
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
            Results.Content(Page(antiforgery.GetAndStoreTokens(context), LocalUrl.OrRoot(returnUrl), error is null ? null : WrongPassword), "text/html; charset=utf-8"))
            .AllowAnonymous();

        endpoints.MapPost(SignInPath, async (HttpContext context, TeamUsers users, SignInThrottle throttle, SessionStore sessions,
            IOptionsMonitor<AuthOptions> options, IAntiforgery antiforgery) =>
        {
            if (!await IsValidFormAsync(context, antiforgery)) return Results.BadRequest("The sign-in form expired or could not be read; reload it.");
            var form = await context.Request.ReadFormAsync();
            var returnUrl = LocalUrl.OrRoot(form["returnUrl"]);
            if (!options.CurrentValue.Enabled) return Results.LocalRedirect(returnUrl);
            var name = form["name"].ToString();
            var client = context.Connection.RemoteIpAddress;
            // A locked key is refused before the password is hashed: a guesser costs no CPU and learns nothing.
            if (throttle.RetryAfter(name, client) is var wait && wait > TimeSpan.Zero) return Locked(context, antiforgery, returnUrl, wait);
            if (users.Verify(name, form["password"]) is not { } user)
            {
                throttle.Failed(name, client);
                return Results.Redirect($"{SignInPath}?error=1&returnUrl={Uri.EscapeDataString(returnUrl)}");
            }
            throttle.Succeeded(name);
            var token = await sessions.CreateAsync(user, options.CurrentValue.SessionLifetime, context.RequestAborted);
            var identity = new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, user), new Claim(SessionAuthenticationStateProvider.SessionClaim, token)], CookieAuthenticationDefaults.AuthenticationScheme);
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
            return Results.LocalRedirect(returnUrl);
        }).AllowAnonymous().DisableAntiforgery();

        endpoints.MapPost(SignOutPath, async (HttpContext context, IAntiforgery antiforgery, SessionStore sessions) =>
        {
            if (!await IsValidFormAsync(context, antiforgery)) return Results.BadRequest("The sign-out form expired or could not be read; reload it.");
            // Ends the session on the server first: a copy of the cookie stops working, and open tabs of it sign out.
            await sessions.RevokeAsync(context.User.FindFirst(SessionAuthenticationStateProvider.SessionClaim)?.Value, context.RequestAborted);
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect(SignInPath);
        }).AllowAnonymous().DisableAntiforgery();
        return endpoints;
    }

    /// <summary>A form the framework cannot even read (a NUL in a value, a broken encoding, too large) is a bad form, not a 500.</summary>
    private static async Task<bool> IsValidFormAsync(HttpContext context, IAntiforgery antiforgery)
    {
        try
        {
            return await antiforgery.IsRequestValidAsync(context);
        }
        catch (Exception e) when (e is AntiforgeryValidationException or InvalidDataException)
        {
            return false;
        }
    }

    private const string WrongPassword = "Name or password is wrong.";

    /// <summary>429 with Retry-After (whole seconds, rounded up) and the form again, saying how long to wait.</summary>
    private static IResult Locked(HttpContext context, IAntiforgery antiforgery, string returnUrl, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var message = $"Too many wrong passwords. Try again in {seconds} s.";
        return Results.Content(Page(antiforgery.GetAndStoreTokens(context), returnUrl, message), "text/html; charset=utf-8", statusCode: StatusCodes.Status429TooManyRequests);
    }

    private static string Page(AntiforgeryTokenSet tokens, string returnUrl, string? error) => $$"""
        <!DOCTYPE html>
        <html lang="en" data-theme="dark">
        <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Sign in · FundingWeb</title><link rel="stylesheet" href="/css/app.css" /></head>
        <body>
        <main class="fw-signin">
          <h1>FundingWeb</h1>
          <p class="fw-note">Sign in with your team account.</p>
          {{(error is null ? "" : $"<p class=\"fw-reason\" role=\"alert\" data-testid=\"signin-error\">{WebUtility.HtmlEncode(error)}</p>")}}
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
