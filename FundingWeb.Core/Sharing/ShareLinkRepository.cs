using Dapper;
using FundingWeb.Core.Cluster;
using FundingWeb.Core.Storage;

namespace FundingWeb.Core.Sharing;

/// <summary>
/// Share links (schema 003; the page's extras, 010). Rows are found by token hash; the token itself never reaches here. Writes go through the
/// factory's write transaction like every store's; a change of state is told to the other nodes in the same transaction.
/// </summary>
public sealed class ShareLinkRepository(DbConnectionFactory factory, ClusterChannel? channel = null)
{

    private const string Columns =
        "id AS Id, token_hash AS TokenHash, label AS Label, creator AS Creator, path AS Path, asset AS Asset, venues AS Venues, " +
        "range_token AS RangeToken, range_from_ms AS RangeFromMs, range_to_ms AS RangeToMs, basis AS Basis, window_token AS Window, venue AS Venue, extras AS Extras, " +
        "created_ms AS CreatedMs, last_opened_ms AS LastOpenedMs, expires_ms AS ExpiresMs, state AS State";

    public async Task<ShareLink> InsertAsync(string tokenHash, string label, string creator, ShareScope scope, long createdMs, long? expiresMs, CancellationToken cancellationToken)
    {
        var id = await factory.WriteAsync((connection, transaction) => connection.ExecuteScalar<long>(
            """
            INSERT INTO share_link (token_hash, label, creator, path, asset, venues, range_token, range_from_ms, range_to_ms, basis, window_token, venue, extras, created_ms, expires_ms, state)
            VALUES (@tokenHash, @label, @creator, @Path, @Asset, @venues, @RangeToken, @RangeFromMs, @RangeToMs, @Basis, @Window, @Venue, @extras, @createdMs, @expiresMs, 0)
            RETURNING id
            """,
            new
            {
                tokenHash, label, creator, scope.Path, scope.Asset, venues = string.Join(',', scope.Venues), scope.RangeToken, scope.RangeFromMs, scope.RangeToMs,
                scope.Basis, scope.Window, scope.Venue, extras = scope.PageExtras.Encode(), createdMs, expiresMs,
            }, transaction), cancellationToken).ConfigureAwait(false);
        return new ShareLink(id, label, creator, scope, createdMs, null, expiresMs, ShareLinkState.Active);
    }

    public async Task<ShareLink?> GetByHashAsync(string tokenHash, CancellationToken cancellationToken)
    {
        using var connection = await factory.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM share_link WHERE token_hash = @tokenHash", new { tokenHash }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToLink();
    }

    public async Task<ShareLink?> GetAsync(long id, CancellationToken cancellationToken)
    {
        using var connection = await factory.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM share_link WHERE id = @id", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row?.ToLink();
    }

    public async Task<IReadOnlyList<ShareLink>> GetAllAsync(CancellationToken cancellationToken)
    {
        using var connection = await factory.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM share_link ORDER BY created_ms DESC, id DESC", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => r.ToLink()).ToList();
    }

    // Revoked is final: no update moves a link out of it.
    public async Task<bool> SetStateAsync(long id, ShareLinkState state, CancellationToken cancellationToken) =>
        await factory.WriteAsync((connection, transaction) =>
        {
            var changed = connection.Execute("UPDATE share_link SET state = @state WHERE id = @id AND state <> 2", new { id, state = (int)state }, transaction);
            if (changed > 0) channel?.Send(connection, transaction, ClusterMessage.Share, id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return changed;
        }, cancellationToken).ConfigureAwait(false) > 0;

    public Task MarkOpenedAsync(long id, long openedMs, CancellationToken cancellationToken) =>
        factory.WriteAsync((connection, transaction) => connection.Execute(
            "UPDATE share_link SET last_opened_ms = @openedMs WHERE id = @id", new { id, openedMs }, transaction), cancellationToken);

    private sealed class Row
    {
        public long Id { get; set; }
        public string TokenHash { get; set; } = "";
        public string Label { get; set; } = "";
        public string Creator { get; set; } = "";
        public string Path { get; set; } = "";
        public string? Asset { get; set; }
        public string Venues { get; set; } = "";
        public string RangeToken { get; set; } = "";
        public long? RangeFromMs { get; set; }
        public long? RangeToMs { get; set; }
        public string Basis { get; set; } = "";
        public string? Window { get; set; }
        public string? Venue { get; set; }
        public string? Extras { get; set; }
        public long CreatedMs { get; set; }
        public long? LastOpenedMs { get; set; }
        public long? ExpiresMs { get; set; }
        public long State { get; set; }

        public ShareLink ToLink() => new(Id, Label, Creator,
            new ShareScope(Path, Asset, Venues.Split(',', StringSplitOptions.RemoveEmptyEntries), RangeToken, RangeFromMs, RangeToMs, Basis, Window, Venue, ShareExtras.Decode(Extras)),
            CreatedMs, LastOpenedMs, ExpiresMs, (ShareLinkState)State);
    }
}
