using Dapper;

namespace FundingWeb.Core.Alerts;

/// <summary>
/// Webhook claims and the history other nodes follow. A delivery is POSTed only by the node holding its claim
/// (<c>claimed_by</c> until <c>claim_until_ms</c>): the claim is taken in one UPDATE, so two nodes can never both hold it,
/// and a node that dies holding one leaves it to run out. A POST that landed just before such a death is sent once
/// more by the next leader (the receiver dedupes on the Idempotency-Key); no delivery is ever sent by two nodes at once.
/// </summary>
public sealed partial class AlertRepository
{
    private readonly string _addDelivery = $"""
        {factory.Dialect.InsertOrIgnore} INTO alert_delivery (event_key, url, status, attempts, last_error, last_attempt_ms, delivered_ms, created_ms)
        VALUES (@EventKey, @Url, @Status, @Attempts, @LastError, @LastAttemptMs, @DeliveredMs, @CreatedMs) {factory.Dialect.OnConflictIgnore}
        """;

    /// <summary>Records a delivery as pending unless it is recorded already (then it stays as it is).</summary>
    public Task AddDeliveryAsync(WebhookDelivery delivery, CancellationToken cancellationToken) =>
        WriteAsync(cancellationToken, (connection, transaction) => connection.Execute(_addDelivery, DeliveryParameters(delivery), transaction));

    /// <summary>
    /// Takes (or renews) the claim on a pending delivery for <paramref name="node"/> until <paramref name="untilMs"/>;
    /// false when another node holds an unexpired claim or the delivery is no longer pending.
    /// </summary>
    public async Task<bool> TryClaimDeliveryAsync(string eventKey, string node, long untilMs, CancellationToken cancellationToken) =>
        await WriteAsync(cancellationToken, (connection, transaction) => connection.Execute(
            """
            UPDATE alert_delivery SET claimed_by = @node, claim_until_ms = @untilMs
            WHERE event_key = @eventKey AND status = 'pending'
              AND (claimed_by IS NULL OR claimed_by = @node OR claim_until_ms IS NULL OR claim_until_ms < @nowMs)
            """, new { eventKey, node, untilMs, nowMs = time.GetUtcNow().ToUnixTimeMilliseconds() }, transaction)).ConfigureAwait(false) == 1;

    /// <summary>When another node's claim on a delivery runs out (null when unclaimed or unknown).</summary>
    public async Task<long?> GetClaimUntilAsync(string eventKey, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT claim_until_ms FROM alert_delivery WHERE event_key = @eventKey", new { eventKey }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>The newest history id (0 when none): where a node that follows the leader starts.</summary>
    public async Task<long> GetLatestEventIdAsync(CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition("SELECT MAX(id) FROM alert_event", cancellationToken: cancellationToken)).ConfigureAwait(false) ?? 0;
    }

    /// <summary>Transitions recorded after <paramref name="afterId"/>, oldest first, at most <paramref name="limit"/>: what a follower toasts.</summary>
    public async Task<IReadOnlyList<AlertHistoryEntry>> GetEventsAfterAsync(long afterId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<EventRow>(new CommandDefinition(
            """
            SELECT id AS Id, event_key AS EventKey, rule_id AS RuleId, rule_name AS RuleName, kind AS Kind, transition AS Transition,
                   value AS Value, reason AS Reason, venue AS Venue, asset AS Asset, ts_ms AS TimeMs
            FROM alert_event WHERE id > @afterId ORDER BY id LIMIT @limit
            """, new { afterId, limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new AlertHistoryEntry(r.Id,
            new AlertTransition(r.RuleId, r.RuleName, ParseKind(r.Kind), ParseTransition(r.Transition), r.Value, r.Reason, r.Venue, r.Asset, r.TimeMs), null)).ToArray();
    }
}
