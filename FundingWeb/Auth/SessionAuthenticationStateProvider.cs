using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace FundingWeb.Auth;

/// <summary>
/// The user of a live connection (circuit). The connection's user is fixed when it opens, so a signed-out user's open tab
/// would keep its dashboard: sign-out of that session flips it to anonymous at once (the layout then shows "Sign in
/// required" instead of the page), and a periodic check catches sessions that idled out or were revoked elsewhere.
/// </summary>
public sealed class SessionAuthenticationStateProvider : RevalidatingServerAuthenticationStateProvider
{
    public const string SessionClaim = "fw-session";

    private static readonly AuthenticationState Anonymous = new(new ClaimsPrincipal(new ClaimsIdentity()));

    private readonly SessionStore _sessions;
    private readonly IOptionsMonitor<AuthOptions> _options;

    public SessionAuthenticationStateProvider(ILoggerFactory loggerFactory, SessionStore sessions, IOptionsMonitor<AuthOptions> options) : base(loggerFactory)
    {
        _sessions = sessions;
        _options = options;
        _sessions.Revoked += OnRevoked;
    }

    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        if (authenticationState.User.Identity?.IsAuthenticated != true) return true;
        return await _sessions.ValidateAsync(authenticationState.User.FindFirst(SessionClaim)?.Value, _options.CurrentValue.SessionLifetime, cancellationToken);
    }

    private void OnRevoked(string hash) => _ = FlipIfMineAsync(hash);

    private async Task FlipIfMineAsync(string hash)
    {
        AuthenticationState state;
        try
        {
            state = await GetAuthenticationStateAsync();
        }
        catch (InvalidOperationException)
        {
            return; // a scope whose user was never set (no connection yet) has nothing to sign out
        }
        if (state.User.FindFirst(SessionClaim)?.Value is { } token && SessionStore.Hash(token) == hash)
        {
            SetAuthenticationState(Task.FromResult(Anonymous));
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _sessions.Revoked -= OnRevoked;
        base.Dispose(disposing);
    }
}
