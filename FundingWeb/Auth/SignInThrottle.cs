using System.Net;
using Microsoft.Extensions.Options;

namespace FundingWeb.Auth;

/// <summary>
/// Backoff on wrong passwords, per user name and per client address (<see cref="SignInLockoutOptions"/>), on the injected
/// <see cref="TimeProvider"/>. Unknown names are counted like real ones, so a lockout tells a guesser nothing about which
/// names exist. Keys are bounded: past <see cref="MaxKeys"/> the entries idle longest are forgotten first.
/// </summary>
public sealed class SignInThrottle(TimeProvider time, IOptionsMonitor<AuthOptions> options)
{
    public const int MaxKeys = 50_000;

    // Longer names are cut: the key only has to tell names apart, not keep what a flood sent.
    private const int MaxNameLength = 128;

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>How long until this user may try again from this client; zero when they may now.</summary>
    public TimeSpan RetryAfter(string? user, IPAddress? client)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            var wait = TimeSpan.Zero;
            foreach (var key in new[] { UserKey(user), ClientKey(client) })
            {
                if (_entries.TryGetValue(key, out var entry) && entry.LockedUntil > now && entry.LockedUntil - now > wait) wait = entry.LockedUntil - now;
            }
            return wait;
        }
    }

    public void Failed(string? user, IPAddress? client)
    {
        var now = time.GetUtcNow();
        var lockout = options.CurrentValue.Lockout;
        lock (_lock)
        {
            if (_entries.Count >= MaxKeys) Evict(now);
            foreach (var (key, free) in new[] { (UserKey(user), lockout.FreeFailuresPerUser), (ClientKey(client), lockout.FreeFailuresPerClient) })
            {
                var entry = _entries.TryGetValue(key, out var e) && now - e.LastFailure < lockout.ForgetAfter ? e : new Entry(0, now, DateTimeOffset.MinValue);
                var failures = entry.Failures + 1;
                var lockedUntil = failures > free ? now + Lockout(failures - free, lockout) : entry.LockedUntil;
                _entries[key] = new Entry(failures, now, lockedUntil);
            }
        }
    }

    public void Succeeded(string? user)
    {
        lock (_lock) _entries.Remove(UserKey(user));
    }

    public int TrackedKeys { get { lock (_lock) return _entries.Count; } }

    private static TimeSpan Lockout(int excess, SignInLockoutOptions o)
    {
        // 2^(excess-1) grows past any cap quickly; capping the exponent keeps the double finite.
        var factor = Math.Pow(2, Math.Min(excess - 1, 30));
        var ms = Math.Min(o.BaseLockout.TotalMilliseconds * factor, o.MaxLockout.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(Math.Max(0, ms));
    }

    private static string UserKey(string? user)
    {
        var name = (user ?? "").Trim().ToLowerInvariant();
        return "u:" + (name.Length > MaxNameLength ? name[..MaxNameLength] : name);
    }

    /// <summary>IPv6 clients are grouped by /64: one host usually holds the whole prefix.</summary>
    private static string ClientKey(IPAddress? client)
    {
        if (client is null) return "c:unknown";
        if (client.IsIPv4MappedToIPv6) client = client.MapToIPv4();
        if (client.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            var bytes = client.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return "c:" + new IPAddress(bytes) + "/64";
        }
        return "c:" + client;
    }

    private void Evict(DateTimeOffset now)
    {
        var forget = options.CurrentValue.Lockout.ForgetAfter;
        foreach (var key in _entries.Where(e => now - e.Value.LastFailure >= forget && e.Value.LockedUntil <= now).Select(e => e.Key).ToList()) _entries.Remove(key);
        if (_entries.Count < MaxKeys) return;
        foreach (var key in _entries.OrderBy(e => e.Value.LastFailure).Take(_entries.Count / 2).Select(e => e.Key).ToList()) _entries.Remove(key);
    }

    private readonly record struct Entry(int Failures, DateTimeOffset LastFailure, DateTimeOffset LockedUntil);
}
