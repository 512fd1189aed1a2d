using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using FundingWeb.Core.Cluster;
using FundingWeb.Core.Storage;

namespace FundingWeb.Auth;

/// <summary>
/// Server-side sign-in sessions (schema 005), so the cookie alone is not the session: sign-out revokes it here and every
/// later request with the old cookie is refused, across restarts. The cookie holds a 256-bit random token; only its
/// SHA-256 is stored. Writes are the factory's write transactions. A revocation is told to the other nodes in its own
/// transaction, so open tabs of that session sign out on every node, not only on the one that signed out.
/// </summary>
public sealed class SessionStore
{
    private readonly DbConnectionFactory factory;
    private readonly TimeProvider time;
    private readonly ClusterChannel? channel;

    public SessionStore(DbConnectionFactory factory, TimeProvider time, ClusterChannel? channel = null)
    {
        this.factory = factory;
        this.time = time;
        this.channel = channel;
        if (channel is not null) channel.Received += m => { if (m.Kind == ClusterMessage.Session) Revoked?.Invoke(m.Data); };
    }

    /// <summary>How stale the stored "last seen" may get before a request moves it on: one write per session per interval, not per request.</summary>
    public static readonly TimeSpan RenewEvery = TimeSpan.FromMinutes(1);

    /// <summary>After a session is revoked (its token's hash): open live connections of that session sign out at once.</summary>
    public event Action<string>? Revoked;

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    /// <summary>A new session for <paramref name="user"/>; returns the token for the cookie. Drops sessions long over.</summary>
    public Task<string> CreateAsync(string user, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = Now();
        return factory.WriteAsync((connection, transaction) =>
        {
            connection.Execute("DELETE FROM auth_session WHERE expires_ms < @cutoff", new { cutoff = now - (long)lifetime.TotalMilliseconds }, transaction);
            connection.Execute(
                "INSERT INTO auth_session (token_hash, user_name, created_ms, last_seen_ms, expires_ms) VALUES (@hash, @user, @now, @now, @expires)",
                new { hash = Hash(token), user, now, expires = now + (long)lifetime.TotalMilliseconds }, transaction);
            return token;
        }, cancellationToken);
    }

    /// <summary>True while the session exists, is not revoked and has not idled past its end; use moves the end on.</summary>
    public async Task<bool> ValidateAsync(string? token, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token)) return false;
        var hash = Hash(token);
        var now = Now();
        Row? row;
        using (var connection = await factory.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
                "SELECT last_seen_ms AS LastSeenMs, expires_ms AS ExpiresMs, revoked_ms AS RevokedMs FROM auth_session WHERE token_hash = @hash",
                new { hash }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
        if (row is null || row.RevokedMs is not null || row.ExpiresMs <= now) return false;
        if (now - row.LastSeenMs >= (long)RenewEvery.TotalMilliseconds)
        {
            await factory.WriteAsync((connection, transaction) => connection.Execute(
                "UPDATE auth_session SET last_seen_ms = @now, expires_ms = @expires WHERE token_hash = @hash AND revoked_ms IS NULL",
                new { hash, now, expires = now + (long)lifetime.TotalMilliseconds }, transaction), cancellationToken).ConfigureAwait(false);
        }
        return true;
    }

    public async Task RevokeAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token)) return;
        var hash = Hash(token);
        var now = Now();
        await factory.WriteAsync((connection, transaction) =>
        {
            var revoked = connection.Execute(
                "UPDATE auth_session SET revoked_ms = @now WHERE token_hash = @hash AND revoked_ms IS NULL", new { hash, now }, transaction);
            channel?.Send(connection, transaction, ClusterMessage.Session, hash);
            return revoked;
        }, cancellationToken).ConfigureAwait(false);
        Revoked?.Invoke(hash);
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();

    private sealed class Row
    {
        public long LastSeenMs { get; set; }
        public long ExpiresMs { get; set; }
        public long? RevokedMs { get; set; }
    }
}
