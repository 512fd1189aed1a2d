using System.Net;
using FundingWeb.Auth;
using FundingWeb.Tests.Fixtures;
using Microsoft.Extensions.Options;
using Xunit;

namespace FundingWeb.Tests.Hosting;

[Trait("Category", "Slow")]
public class SignInThrottleTests
{
    private static readonly IPAddress Client = IPAddress.Parse("203.0.113.7");
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private SignInThrottle Throttle(SignInLockoutOptions? lockout = null)
    {
        var options = new AuthOptions { Lockout = lockout ?? new SignInLockoutOptions() };
        return new SignInThrottle(_time, new StaticOptions(options));
    }

    [Fact]
    public void Failed_PastTheFreeFailuresPerUser_LockoutDoublesUpToTheCap()
    {
        var throttle = Throttle(new SignInLockoutOptions { FreeFailuresPerUser = 3, BaseLockout = TimeSpan.FromSeconds(30), MaxLockout = TimeSpan.FromMinutes(2) });
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 7; i++)
        {
            Assert.Equal(TimeSpan.Zero, throttle.RetryAfter("ana", Client));
            throttle.Failed("ana", Client);
            waits.Add(throttle.RetryAfter("ana", Client));
            _time.Advance(waits[^1]);
        }

        Assert.Equal([0, 0, 0, 30, 60, 120, 120], waits.Select(w => (int)w.TotalSeconds));
    }

    [Fact]
    public void Failed_AnyCaseOrSpacingOfTheName_OneUser()
    {
        var throttle = Throttle(new SignInLockoutOptions { FreeFailuresPerUser = 2 });

        throttle.Failed("ana", Client);
        throttle.Failed(" ANA ", IPAddress.Parse("198.51.100.1"));
        throttle.Failed("Ana", IPAddress.Parse("198.51.100.2"));

        Assert.True(throttle.RetryAfter("aNa", IPAddress.Parse("198.51.100.3")) > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, throttle.RetryAfter("bob", IPAddress.Parse("198.51.100.3")));
    }

    [Fact]
    public void Failed_ManyNamesFromOneClient_TheClientIsLockedForEveryName()
    {
        var throttle = Throttle(new SignInLockoutOptions { FreeFailuresPerClient = 4 });

        for (var i = 0; i < 5; i++) throttle.Failed("guess" + i, Client);

        Assert.True(throttle.RetryAfter("ana", Client) > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, throttle.RetryAfter("ana", IPAddress.Parse("198.51.100.1")));
    }

    [Fact]
    public void Failed_IPv6ClientsInOnePrefix_OneClient()
    {
        var throttle = Throttle(new SignInLockoutOptions { FreeFailuresPerClient = 2 });

        for (var i = 1; i <= 3; i++) throttle.Failed("u" + i, IPAddress.Parse($"2001:db8:1:2::{i:x}"));

        Assert.True(throttle.RetryAfter("other", IPAddress.Parse("2001:db8:1:2:ffff::1")) > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, throttle.RetryAfter("other", IPAddress.Parse("2001:db8:1:3::1")));
    }

    [Fact]
    public void Succeeded_ClearsTheUserButNotTheClient()
    {
        var throttle = Throttle(new SignInLockoutOptions { FreeFailuresPerUser = 2, FreeFailuresPerClient = 3 });
        for (var i = 0; i < 3; i++) throttle.Failed("ana", Client);
        _time.Advance(throttle.RetryAfter("ana", Client));

        throttle.Succeeded("ana");
        throttle.Failed("ana", Client);

        Assert.True(throttle.RetryAfter("bob", Client) > TimeSpan.Zero, "the client's count goes on");
        Assert.True(throttle.RetryAfter("ana", IPAddress.Parse("198.51.100.1")) == TimeSpan.Zero, "the user's count started again");
    }

    [Fact]
    public void Failed_QuietForTheForgetWindow_StartsAfresh()
    {
        var throttle = Throttle(new SignInLockoutOptions { FreeFailuresPerUser = 1, ForgetAfter = TimeSpan.FromHours(1) });
        throttle.Failed("ana", Client);
        _time.Advance(TimeSpan.FromHours(1));

        throttle.Failed("ana", Client);

        Assert.Equal(TimeSpan.Zero, throttle.RetryAfter("ana", Client));
    }

    [Fact]
    public void Failed_FloodOfDistinctNames_KeysStayBounded()
    {
        var throttle = Throttle(new SignInLockoutOptions { FreeFailuresPerClient = int.MaxValue });

        for (var i = 0; i < SignInThrottle.MaxKeys + 5_000; i++) throttle.Failed("flood" + i + new string('x', 500), Client);

        Assert.InRange(throttle.TrackedKeys, 1, SignInThrottle.MaxKeys);
    }

    private sealed class StaticOptions(AuthOptions value) : IOptionsMonitor<AuthOptions>
    {
        public AuthOptions CurrentValue => value;
        public AuthOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<AuthOptions, string?> listener) => null;
    }
}
