using Dapper;
using FundingWeb.Core.Cluster;
using FundingWeb.Core.Storage;
using System.Data.Common;

namespace FundingWeb.Core.Alerts;

/// <summary>
/// Alert rules, their evaluation state, history and webhook deliveries. Same discipline as the market data: one
/// transaction per write, through the factory (which queues writers where the engine has only one). Each write also
/// tells the other nodes (<see cref="ClusterChannel"/>, in the same transaction): a rule edit reaches the alert leader,
/// a transition or a delivery's progress reaches every node's pages.
/// </summary>
public sealed partial class AlertRepository(DbConnectionFactory factory, TimeProvider time, ClusterChannel? channel = null)
{
    private readonly string _insertEvent = $"""
        {factory.Dialect.InsertOrIgnore} INTO alert_event (event_key, rule_id, rule_name, kind, transition, value, reason, venue, asset, ts_ms)
        VALUES (@Key, @RuleId, @RuleName, @Kind, @Transition, @Value, @Reason, @Venue, @Asset, @TimeMs) {factory.Dialect.OnConflictIgnore}
        """;

    /// <summary>Inserts or replaces a rule by id. Its state is kept; the evaluator resets it if the definition changed.</summary>
    public Task UpsertRuleAsync(AlertRule rule, CancellationToken cancellationToken) =>
        WriteAsync(cancellationToken, (connection, transaction) =>
        {
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            connection.Execute(
                """
                INSERT INTO alert_rule (id, name, kind, enabled, definition, created_ms, updated_ms)
                VALUES (@Id, @Name, @Kind, @Enabled, @Definition, @Now, @Now)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, enabled = excluded.enabled,
                    definition = excluded.definition, updated_ms = excluded.updated_ms
                """,
                new { rule.Id, rule.Name, Kind = AlertRuleKinds.Token(rule.Kind), Enabled = rule.Enabled ? 1L : 0L, Definition = AlertRuleJson.Serialize(rule), Now = now },
                transaction);
            channel?.Send(connection, transaction, ClusterMessage.Rules);
            return 0;
        });

    /// <summary>Deletes a rule and its state; its history stays.</summary>
    public async Task<bool> DeleteRuleAsync(string id, CancellationToken cancellationToken) =>
        await WriteAsync(cancellationToken, (connection, transaction) =>
        {
            channel?.Send(connection, transaction, ClusterMessage.Rules);
            return connection.Execute("DELETE FROM alert_rule WHERE id = @id", new { id }, transaction);
        }).ConfigureAwait(false) > 0;

    /// <summary>Every rule, oldest first.</summary>
    public async Task<IReadOnlyList<AlertRule>> GetRulesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<string>(
            new CommandDefinition("SELECT definition FROM alert_rule ORDER BY created_ms, id", cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(AlertRuleJson.Deserialize).ToArray();
    }

    public async Task<AlertRule?> GetRuleAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken).ConfigureAwait(false);
        var json = await connection.QuerySingleOrDefaultAsync<string?>(
            new CommandDefinition("SELECT definition FROM alert_rule WHERE id = @id", new { id }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return json is null ? null : AlertRuleJson.Deserialize(json);
    }

    /// <summary>
    /// One evaluation's outcome in one transaction: its transitions into the history (a key already recorded is
    /// ignored) and the states that changed. States of rules deleted meanwhile are skipped. <paramref name="deliveries"/>
    /// are the webhooks these transitions owe, recorded pending in the same transaction: a node that dies right after
    /// leaves them for the next leader instead of losing them.
    /// </summary>
    public Task RecordAsync(IReadOnlyList<AlertTransition> transitions, IReadOnlyList<AlertRuleState> states, CancellationToken cancellationToken,
        IReadOnlyList<WebhookDelivery>? deliveries = null) =>
        WriteAsync(cancellationToken, (connection, transaction) =>
        {
            var now = time.GetUtcNow().ToUnixTimeMilliseconds();
            connection.Execute(_insertEvent,
                transitions.Select(t => new
                {
                    t.Key, t.RuleId, t.RuleName, Kind = AlertRuleKinds.Token(t.Kind), Transition = TransitionToken(t.Transition),
                    t.Value, t.Reason, t.Venue, t.Asset, t.TimeMs,
                }),
                transaction);
            connection.Execute(
                """
                INSERT INTO alert_state (rule_id, firing, since_ms, last_fired_ms, last_cleared_ms, breached_since_ms, last_value, sign, reference_sign, updated_ms)
                SELECT @RuleId, @Firing, @SinceMs, @LastFiredMs, @LastClearedMs, @BreachedSinceMs, @LastValue, @Sign, @ReferenceSign, @Now
                WHERE EXISTS (SELECT 1 FROM alert_rule WHERE id = @RuleId)
                ON CONFLICT (rule_id) DO UPDATE SET firing = excluded.firing, since_ms = excluded.since_ms,
                    last_fired_ms = excluded.last_fired_ms, last_cleared_ms = excluded.last_cleared_ms,
                    breached_since_ms = excluded.breached_since_ms, last_value = excluded.last_value, sign = excluded.sign,
                    reference_sign = excluded.reference_sign, updated_ms = excluded.updated_ms
                """,
                states.Select(s => new
                {
                    s.RuleId, Firing = s.Firing ? 1L : 0L, s.SinceMs, s.LastFiredMs, s.LastClearedMs, s.BreachedSinceMs, s.LastValue, s.Sign, s.ReferenceSign, Now = now,
                }),
                transaction);
            if (deliveries is { Count: > 0 }) connection.Execute(_addDelivery, deliveries.Select(DeliveryParameters), transaction);
            channel?.Send(connection, transaction, ClusterMessage.Alerts);
            return 0;
        });

    public async Task<IReadOnlyList<AlertRuleState>> GetStatesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<StateRow>(new CommandDefinition(
            """
            SELECT rule_id AS RuleId, firing AS Firing, since_ms AS SinceMs, last_fired_ms AS LastFiredMs, last_cleared_ms AS LastClearedMs,
                   breached_since_ms AS BreachedSinceMs, last_value AS LastValue, sign AS Sign, reference_sign AS ReferenceSign
            FROM alert_state ORDER BY rule_id
            """, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new AlertRuleState(
            r.RuleId, r.Firing != 0, r.SinceMs, r.LastFiredMs, r.LastClearedMs, r.BreachedSinceMs, r.LastValue, (int)r.Sign, (int)r.ReferenceSign)).ToArray();
    }

    /// <summary>History newest first, in [fromMs, toMs], optionally of one rule, at most <paramref name="limit"/> rows.</summary>
    public async Task<IReadOnlyList<AlertHistoryEntry>> GetHistoryAsync(long fromMs, long toMs, string? ruleId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<EventRow>(new CommandDefinition(
            """
            SELECT e.id AS Id, e.event_key AS EventKey, e.rule_id AS RuleId, e.rule_name AS RuleName, e.kind AS Kind,
                   e.transition AS Transition, e.value AS Value, e.reason AS Reason, e.venue AS Venue, e.asset AS Asset, e.ts_ms AS TimeMs,
                   d.url AS Url, d.status AS Status, d.attempts AS Attempts, d.last_error AS LastError,
                   d.last_attempt_ms AS LastAttemptMs, d.delivered_ms AS DeliveredMs, d.created_ms AS CreatedMs
            FROM alert_event e LEFT JOIN alert_delivery d ON d.event_key = e.event_key
            WHERE e.ts_ms >= @fromMs AND e.ts_ms <= @toMs AND (@ruleId IS NULL OR e.rule_id = @ruleId)
            ORDER BY e.ts_ms DESC, e.id DESC
            LIMIT @limit
            """, new { fromMs, toMs, ruleId, limit }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new AlertHistoryEntry(
            r.Id,
            new AlertTransition(r.RuleId, r.RuleName, ParseKind(r.Kind), ParseTransition(r.Transition), r.Value, r.Reason, r.Venue, r.Asset, r.TimeMs),
            r.Status is null ? null : new WebhookDelivery(r.EventKey, r.Url!, ParseStatus(r.Status), (int)(r.Attempts ?? 0), r.LastError, r.LastAttemptMs, r.DeliveredMs, r.CreatedMs ?? 0)))
            .ToArray();
    }

    /// <summary>The recorded transition with this key (to resume its webhook after a restart); null if none.</summary>
    public async Task<AlertTransition?> GetTransitionAsync(string eventKey, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken).ConfigureAwait(false);
        var r = await connection.QuerySingleOrDefaultAsync<EventRow>(new CommandDefinition(
            """
            SELECT id AS Id, event_key AS EventKey, rule_id AS RuleId, rule_name AS RuleName, kind AS Kind, transition AS Transition,
                   value AS Value, reason AS Reason, venue AS Venue, asset AS Asset, ts_ms AS TimeMs
            FROM alert_event WHERE event_key = @eventKey
            """, new { eventKey }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return r is null ? null : new AlertTransition(r.RuleId, r.RuleName, ParseKind(r.Kind), ParseTransition(r.Transition), r.Value, r.Reason, r.Venue, r.Asset, r.TimeMs);
    }

    /// <summary>
    /// Deletes history older than <paramref name="beforeMs"/> with its deliveries, except transitions whose webhook is
    /// still pending (they go once delivered or failed). Returns the transitions deleted.
    /// </summary>
    public Task<int> PruneHistoryAsync(long beforeMs, CancellationToken cancellationToken) =>
        WriteAsync(cancellationToken, (connection, transaction) =>
        {
            const string old = "SELECT e.event_key FROM alert_event e LEFT JOIN alert_delivery d ON d.event_key = e.event_key " +
                               "WHERE e.ts_ms < @beforeMs AND (d.status IS NULL OR d.status <> 'pending')";
            connection.Execute($"DELETE FROM alert_delivery WHERE event_key IN ({old})", new { beforeMs }, transaction);
            return connection.Execute(
                "DELETE FROM alert_event WHERE ts_ms < @beforeMs AND event_key NOT IN (SELECT event_key FROM alert_delivery WHERE status = 'pending')",
                new { beforeMs }, transaction);
        });

    public Task UpsertDeliveryAsync(WebhookDelivery delivery, CancellationToken cancellationToken) =>
        WriteAsync(cancellationToken, (connection, transaction) =>
        {
            var n = connection.Execute(
                """
                INSERT INTO alert_delivery (event_key, url, status, attempts, last_error, last_attempt_ms, delivered_ms, created_ms)
                VALUES (@EventKey, @Url, @Status, @Attempts, @LastError, @LastAttemptMs, @DeliveredMs, @CreatedMs)
                ON CONFLICT (event_key) DO UPDATE SET url = excluded.url, status = excluded.status, attempts = excluded.attempts,
                    last_error = excluded.last_error, last_attempt_ms = excluded.last_attempt_ms, delivered_ms = excluded.delivered_ms
                """, DeliveryParameters(delivery), transaction);
            channel?.Send(connection, transaction, ClusterMessage.Alerts);
            return n;
        });

    private static object DeliveryParameters(WebhookDelivery d) => new
    {
        d.EventKey, d.Url, Status = StatusToken(d.Status), d.Attempts, d.LastError, d.LastAttemptMs, d.DeliveredMs, d.CreatedMs,
    };

    public async Task<WebhookDelivery?> GetDeliveryAsync(string eventKey, CancellationToken cancellationToken) =>
        (await QueryDeliveriesAsync("WHERE event_key = @eventKey", new { eventKey }, cancellationToken).ConfigureAwait(false)).SingleOrDefault();

    /// <summary>Deliveries in a status, oldest first (pending ones to resume after a restart).</summary>
    public Task<IReadOnlyList<WebhookDelivery>> GetDeliveriesAsync(DeliveryStatus status, CancellationToken cancellationToken) =>
        QueryDeliveriesAsync("WHERE status = @status", new { status = StatusToken(status) }, cancellationToken);

    private async Task<IReadOnlyList<WebhookDelivery>> QueryDeliveriesAsync(string where, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await factory.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<DeliveryRow>(new CommandDefinition(
            $"""
            SELECT event_key AS EventKey, url AS Url, status AS Status, attempts AS Attempts, last_error AS LastError,
                   last_attempt_ms AS LastAttemptMs, delivered_ms AS DeliveredMs, created_ms AS CreatedMs
            FROM alert_delivery {where} ORDER BY created_ms, event_key
            """, parameters, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new WebhookDelivery(r.EventKey, r.Url, ParseStatus(r.Status), (int)r.Attempts, r.LastError, r.LastAttemptMs, r.DeliveredMs, r.CreatedMs)).ToArray();
    }

    private Task<int> WriteAsync(CancellationToken cancellationToken, Func<DbConnection, DbTransaction, int> write) =>
        factory.WriteAsync(write, cancellationToken);

    private static string TransitionToken(AlertTransitionKind kind) => kind == AlertTransitionKind.Fired ? "fired" : "cleared";

    private static AlertTransitionKind ParseTransition(string token) => token == "fired" ? AlertTransitionKind.Fired : AlertTransitionKind.Cleared;

    private static AlertRuleKind ParseKind(string token) =>
        Enum.GetValues<AlertRuleKind>().FirstOrDefault(k => AlertRuleKinds.Token(k) == token);

    private static string StatusToken(DeliveryStatus status) => status.ToString().ToLowerInvariant();

    private static DeliveryStatus ParseStatus(string token) => Enum.Parse<DeliveryStatus>(token, ignoreCase: true);

    // Settable row types: Dapper maps by name and an empty result does not trip over column types.
    private sealed class StateRow
    {
        public string RuleId { get; set; } = "";
        public long Firing { get; set; }
        public long? SinceMs { get; set; }
        public long? LastFiredMs { get; set; }
        public long? LastClearedMs { get; set; }
        public long? BreachedSinceMs { get; set; }
        public double? LastValue { get; set; }
        public long Sign { get; set; }
        public long ReferenceSign { get; set; }
    }

    private sealed class EventRow
    {
        public long Id { get; set; }
        public string EventKey { get; set; } = "";
        public string RuleId { get; set; } = "";
        public string RuleName { get; set; } = "";
        public string Kind { get; set; } = "";
        public string Transition { get; set; } = "";
        public double Value { get; set; }
        public string Reason { get; set; } = "";
        public string? Venue { get; set; }
        public string? Asset { get; set; }
        public long TimeMs { get; set; }
        public string? Url { get; set; }
        public string? Status { get; set; }
        public long? Attempts { get; set; }
        public string? LastError { get; set; }
        public long? LastAttemptMs { get; set; }
        public long? DeliveredMs { get; set; }
        public long? CreatedMs { get; set; }
    }

    private sealed class DeliveryRow
    {
        public string EventKey { get; set; } = "";
        public string Url { get; set; } = "";
        public string Status { get; set; } = "";
        public long Attempts { get; set; }
        public string? LastError { get; set; }
        public long? LastAttemptMs { get; set; }
        public long? DeliveredMs { get; set; }
        public long CreatedMs { get; set; }
    }
}
