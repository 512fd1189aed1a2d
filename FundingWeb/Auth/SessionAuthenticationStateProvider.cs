using System.Data.Common;
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

    /// <summary>Checks in a row the session store may fail before the connection is signed out (one check a minute).</summary>
    public const int MaxFailedChecks = 3;

    private readonly SessionStore _sessions;
    private readonly IOptionsMonitor<AuthOptions> _options;
    private readonly ILogger _logger;
    private int _failedChecks;

    public SessionAuthenticationStateProvider(ILoggerFactory loggerFactory, SessionStore sessions, IOptionsMonitor<AuthOptions> options) : base(loggerFactory)
    {
        _sessions = sessions;
        _options = options;
        _logger = loggerFactory.CreateLogger<SessionAuthenticationStateProvider>();
        _sessions.Revoked += OnRevoked;
    }

    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        RevalidateAsync(authenticationState, cancellationToken);

    /// <summary>
    /// One periodic check. The base class signs the connection out on any exception, so a store that is briefly busy or
    /// down (SQLite locked past its timeout, PostgreSQL restarting) would sign out every open tab: such a failure keeps the
    /// session for this check and says so in the log, and only <see cref="MaxFailedChecks"/> failures in a row sign out (a
    /// revocation still signs out at once through <see cref="SessionStore.Revoked"/>). A connection closing mid-check ends
    /// its loop quietly: the base class ends it on a cancellation of its own token, and SQLite reports one as an
    /// OperationCanceledException, which the base class would log as an error and act on.
    /// </summary>
    public async Task<bool> RevalidateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        if (authenticationState.User.Identity?.IsAuthenticated != true) return true;
        try
        {
            var valid = await _sessions.ValidateAsync(authenticationState.User.FindFirst(SessionClaim)?.Value, _options.CurrentValue.SessionLifetime, cancellationToken);
            _failedChecks = 0;
            return valid;
        }
        catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
        {
            throw new TaskCanceledException(ex.Message, ex, cancellationToken);
        }
        catch (Exception ex) when (ex is DbException or TimeoutException or IOException)
        {
            var failed = ++_failedChecks;
            _logger.LogWarning(ex, "Session check {Failed} of {Max} failed: the session store did not answer ({Error}); the connection stays signed in until {Max} checks in a row fail",
                failed, MaxFailedChecks, ex.Message, MaxFailedChecks);
            return failed < MaxFailedChecks;
        }
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
