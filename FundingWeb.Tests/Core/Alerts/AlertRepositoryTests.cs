using Xunit;
using Dapper;
using FundingWeb.Core.Alerts;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.Storage;
using FundingWeb.Tests.Fixtures;
using static FundingWeb.Tests.Core.Alerts.AlertWorld;

namespace FundingWeb.Tests.Core.Alerts;

[Trait("Category", "Fast")]
public sealed class AlertRepositoryTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase _db = new();
    private readonly ManualTimeProvider _time = new(Start);
    private readonly AlertRepository _repository;

    public AlertRepositoryTests() => _repository = new AlertRepository(_db.Factory, _time);

    public void Dispose() => _db.Dispose();

    private static IReadOnlyList<AlertRule> EveryKind() =>
    [
        new FundingThresholdRule
        {
            Id = "t", Name = "BTC > 50 % APR", Asset = "BTC", Venue = "hyperliquid", Threshold = 0.5, Hysteresis = 0.05,
            Basis = RateBasis.EightHour, Direction = ThresholdDirection.Below, Cooldown = TimeSpan.FromMinutes(15), WebhookUrl = "http://127.0.0.1:1/hook",
        },
        new FundingFlipRule { Id = "f", Name = "flip", Asset = "ETH", Venue = "dydx", Direction = FlipDirection.ToNegative, Enabled = false },
        new SpreadRule { Id = "s", Name = "spread", Asset = "SOL", ThresholdApr = 0.3, MinDuration = TimeSpan.FromMinutes(10) },
        new OpenInterestChangeRule { Id = "o", Name = "oi", Asset = "BTC", ThresholdFraction = 0.1, Window = TimeSpan.FromHours(24), Direction = ChangeDirection.Fall },
        new LadderProximityRule { Id = "l", Name = "ladder", Asset = "BTC", WithinFraction = 0.02, MinNotionalUsd = 5e6, Side = LiquidationSide.Short },
        new VenueStaleRule { Id = "v", Name = "stale", MinStale = TimeSpan.FromMinutes(3) },
        new CompositeRule { Id = "c", Name = "two of", RuleIds = ["t", "s", "v"], Required = 2, Within = TimeSpan.FromMinutes(45) },
    ];

    [Fact]
    public async Task Rules_EveryKind_RoundTripThroughTheDatabase()
    {
        foreach (var rule in EveryKind())
        {
            await _repository.UpsertRuleAsync(rule, default);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        var loaded = await _repository.GetRulesAsync(default);

        Assert.Equal(EveryKind().Select(AlertRuleJson.Serialize), loaded.Select(AlertRuleJson.Serialize));
        Assert.Equal(EveryKind().Select(r => r.GetType()), loaded.Select(r => r.GetType()));
        var composite = Assert.IsType<CompositeRule>(await _repository.GetRuleAsync("c", default));
        Assert.Equal(["t", "s", "v"], composite.RuleIds);
        Assert.Contains("\"type\":\"funding_threshold\"", AlertRuleJson.Serialize(loaded[0]));
    }

    [Fact]
    public async Task UpsertRule_SameId_ReplacesAndDeleteRemovesRuleAndStateButKeepsHistory()
    {
        var rule = (FundingThresholdRule)EveryKind()[0];
        await _repository.UpsertRuleAsync(rule, default);
        await _repository.UpsertRuleAsync(rule with { Threshold = 0.7, Name = "renamed" }, default);
        var fired = new AlertTransition("t", "renamed", AlertRuleKind.FundingThreshold, AlertTransitionKind.Fired, 0.8, "why", "hyperliquid", "BTC", 1000);
        await _repository.RecordAsync([fired], [AlertRuleState.Initial("t") with { Firing = true, LastFiredMs = 1000 }], default);

        var replaced = Assert.IsType<FundingThresholdRule>(Assert.Single(await _repository.GetRulesAsync(default)));
        Assert.Equal((0.7, "renamed"), (replaced.Threshold, replaced.Name));
        Assert.True(await _repository.DeleteRuleAsync("t", default));
        Assert.False(await _repository.DeleteRuleAsync("t", default));

        Assert.Empty(await _repository.GetRulesAsync(default));
        Assert.Empty(await _repository.GetStatesAsync(default));
        Assert.Single(await _repository.GetHistoryAsync(0, long.MaxValue, null, 100, default));
    }

    [Fact]
    public async Task Record_TransitionsAndStates_RoundTripAndReplayIsIgnored()
    {
        await _repository.UpsertRuleAsync(EveryKind()[0], default);
        await _repository.UpsertRuleAsync(EveryKind()[1], default);
        var fired = new AlertTransition("t", "hot", AlertRuleKind.FundingThreshold, AlertTransitionKind.Fired, 0.55, "BTC hot", "hyperliquid", "BTC", 1_000);
        var cleared = fired with { Transition = AlertTransitionKind.Cleared, Value = 0.39, TimeMs = 61_000, Reason = "cooled" };
        var flip = new AlertTransition("f", "flip", AlertRuleKind.FundingFlip, AlertTransitionKind.Fired, -0.1, "flipped", "dydx", "ETH", 30_000);
        var states = new[]
        {
            new AlertRuleState("t", false, 61_000, 1_000, 61_000, null, 0.39, 0, 0),
            new AlertRuleState("f", true, 30_000, 30_000, null, 29_000, -0.1, -1, 1),
            AlertRuleState.Initial("deleted-meanwhile"),
        };

        await _repository.RecordAsync([fired, flip], states, default);
        await _repository.RecordAsync([fired, cleared], [], default);

        var history = await _repository.GetHistoryAsync(0, long.MaxValue, null, 100, default);
        Assert.Equal([cleared, flip, fired], history.Select(h => h.Transition));
        Assert.All(history, h => Assert.Null(h.Delivery));
        Assert.Equal([fired], (await _repository.GetHistoryAsync(0, 10_000, "t", 100, default)).Select(h => h.Transition));
        Assert.Equal(states.Take(2).OrderBy(s => s.RuleId), await _repository.GetStatesAsync(default));
    }

    [Fact]
    public async Task Restart_StatesFromTheDatabase_DoNotReFireWhatWasFiring()
    {
        var rule = new FundingThresholdRule { Id = "hot", Name = "hot", Asset = "BTC", Threshold = 0.5 };
        await _repository.UpsertRuleAsync(rule, default);
        var world = new AlertWorld().Rate("hl", "BTC", Apr(0.6));
        var before = new AlertEvaluator(await _repository.GetRulesAsync(default), _time, await _repository.GetStatesAsync(default));
        var first = before.Evaluate(world.Snapshot());
        await _repository.RecordAsync(first, before.TakeChangedStates(), default);

        _time.Advance(TimeSpan.FromMinutes(1));
        var after = new AlertEvaluator(await _repository.GetRulesAsync(default), _time, await _repository.GetStatesAsync(default));

        Assert.Single(first);
        Assert.Empty(after.Evaluate(world.Snapshot()));
        Assert.True(after.StateOf("hot")!.Firing);
    }

    [Fact]
    public async Task Deliveries_UpsertAndQueryByStatus_AppearOnTheHistoryRow()
    {
        var fired = new AlertTransition("t", "hot", AlertRuleKind.FundingThreshold, AlertTransitionKind.Fired, 0.55, "BTC hot", null, "BTC", 1_000);
        await _repository.RecordAsync([fired], [], default);
        var pending = new WebhookDelivery(fired.Key, "http://127.0.0.1:9/hook", DeliveryStatus.Pending, 2, "HTTP 500", 2_000, null, 1_500);
        await _repository.UpsertDeliveryAsync(pending, default);
        Assert.Equal([pending], await _repository.GetDeliveriesAsync(DeliveryStatus.Pending, default));

        var delivered = pending with { Status = DeliveryStatus.Delivered, Attempts = 3, LastError = null, LastAttemptMs = 5_000, DeliveredMs = 5_000 };
        await _repository.UpsertDeliveryAsync(delivered, default);

        Assert.Empty(await _repository.GetDeliveriesAsync(DeliveryStatus.Pending, default));
        Assert.Equal(delivered, await _repository.GetDeliveryAsync(fired.Key, default));
        Assert.Equal(delivered, Assert.Single(await _repository.GetHistoryAsync(0, long.MaxValue, null, 10, default)).Delivery);
    }

    [Fact]
    public void Schema_AlertTables_StoreTimesAsIntegerMillisecondsAndValuesAsReal()
    {
        using var connection = _db.Factory.Open();
        var columns = connection.Query<(string Name, string Type)>("SELECT name, type FROM pragma_table_info('alert_event')").ToDictionary(c => c.Name, c => c.Type);

        Assert.Equal("INTEGER", columns["ts_ms"]);
        Assert.Equal("REAL", columns["value"]);
        Assert.Equal(SchemaMigrator.LatestVersion, connection.ExecuteScalar<int>("PRAGMA user_version"));
        Assert.Contains(SchemaMigrator.Scripts, s => s is (2, "alerts"));
    }

    [Fact]
    public async Task PruneHistory_OlderThanTheCut_GoesWithItsDeliveries_ExceptWhatIsStillPending()
    {
        AlertTransition At(string rule, long ms) => new(rule, rule, AlertRuleKind.VenueStale, AlertTransitionKind.Fired, 6, "stale", "aevo", null, ms);
        var old = At("old", 1_000);
        var oldPending = At("pending", 2_000);
        var recent = At("recent", 10_000);
        await _repository.RecordAsync([old, oldPending, recent], [], default);
        WebhookDelivery Delivery(AlertTransition t, DeliveryStatus status) => new(t.Key, "http://127.0.0.1:1/hook", status, 1, null, t.TimeMs, null, t.TimeMs);
        await _repository.UpsertDeliveryAsync(Delivery(old, DeliveryStatus.Delivered), default);
        await _repository.UpsertDeliveryAsync(Delivery(oldPending, DeliveryStatus.Pending), default);
        await _repository.UpsertDeliveryAsync(Delivery(recent, DeliveryStatus.Failed), default);

        Assert.Equal(1, await _repository.PruneHistoryAsync(5_000, default));

        var left = await _repository.GetHistoryAsync(0, long.MaxValue, null, 10, default);
        Assert.Equal(["recent", "pending"], left.Select(e => e.Transition.RuleId));
        Assert.Null(await _repository.GetDeliveryAsync(old.Key, default));
        Assert.Equal(DeliveryStatus.Pending, (await _repository.GetDeliveryAsync(oldPending.Key, default))!.Status);
        Assert.Equal(0, await _repository.PruneHistoryAsync(5_000, default));
    }
}
