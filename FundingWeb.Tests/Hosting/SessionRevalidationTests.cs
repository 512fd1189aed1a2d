using System.Security.Claims;
using Dapper;
using FundingWeb.Auth;
using FundingWeb.Tests.Fixtures;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace FundingWeb.Tests.Hosting;

/// <summary>
/// The periodic check of a live connection's session, over a real SQLite file: a store that fails for a while keeps the
/// user signed in (and says so), one that keeps failing signs out, a revoked session signs out at the first check, and a
/// connection closing mid-check ends quietly (as the base class expects, not as an error that signs out).
/// </summary>
[Trait("Category", "Fast")]
public sealed class SessionRevalidationTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly SessionStore _sessions;
    private readonly SessionAuthenticationStateProvider _provider;

    public SessionRevalidationTests()
    {
        _sessions = new SessionStore(_db.Factory, TimeProvider.System);
        _provider = new SessionAuthenticationStateProvider(NullLoggerFactory.Instance, _sessions, new Monitor(new AuthOptions()));
    }

    private static AuthenticationState SignedIn(string token) =>
        new(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "ana"), new Claim(SessionAuthenticationStateProvider.SessionClaim, token)], "test")));

    private void StoreDown() { using var c = _db.Factory.Open(); c.Execute("ALTER TABLE auth_session RENAME TO auth_session_away"); }

    private void StoreBack() { using var c = _db.Factory.Open(); c.Execute("ALTER TABLE auth_session_away RENAME TO auth_session"); }

    [Fact]
    public async Task StoreFailing_StaysSignedInUntilTheThirdCheckInARow()
    {
        var state = SignedIn(await _sessions.CreateAsync("ana", TimeSpan.FromHours(1), default));
        Assert.True(await _provider.RevalidateAsync(state, default));

        StoreDown();
        var checks = new List<bool>();
        for (var i = 0; i < SessionAuthenticationStateProvider.MaxFailedChecks; i++) checks.Add(await _provider.RevalidateAsync(state, default));

        Assert.Equal([true, true, false], checks);
    }

    [Fact]
    public async Task StoreBackBeforeTheLimit_CountStartsAgain()
    {
        var state = SignedIn(await _sessions.CreateAsync("ana", TimeSpan.FromHours(1), default));
        StoreDown();
        Assert.True(await _provider.RevalidateAsync(state, default));
        Assert.True(await _provider.RevalidateAsync(state, default));
        StoreBack();
        Assert.True(await _provider.RevalidateAsync(state, default));
        StoreDown();

        Assert.True(await _provider.RevalidateAsync(state, default));
        Assert.True(await _provider.RevalidateAsync(state, default));
    }

    [Fact]
    public async Task RevokedOrUnknownSession_SignsOutAtTheFirstCheck_AnonymousNeverDoes()
    {
        var token = await _sessions.CreateAsync("ana", TimeSpan.FromHours(1), default);
        await _sessions.RevokeAsync(token, default);

        Assert.False(await _provider.RevalidateAsync(SignedIn(token), default));
        Assert.False(await _provider.RevalidateAsync(SignedIn("not-a-session"), default));
        Assert.True(await _provider.RevalidateAsync(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity())), default));
    }

    [Fact]
    public async Task ConnectionClosingMidCheck_EndsAsTheBaseClassExpects()
    {
        var state = SignedIn(await _sessions.CreateAsync("ana", TimeSpan.FromHours(1), default));
        using var closing = new CancellationTokenSource();
        await closing.CancelAsync();

        var ended = await Assert.ThrowsAsync<TaskCanceledException>(() => _provider.RevalidateAsync(state, closing.Token));

        Assert.Equal(closing.Token, ended.CancellationToken);
    }

    public void Dispose()
    {
        ((IDisposable)_provider).Dispose();
        _db.Dispose();
    }

    private sealed class Monitor(AuthOptions value) : IOptionsMonitor<AuthOptions>
    {
        public AuthOptions CurrentValue => value;
        public AuthOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<AuthOptions, string?> listener) => null;
    }
}
