using Xunit;
using FundingWeb.Core.Alerts;
using FundingWeb.Core.Live;
using FundingWeb.Tests.Fixtures;
using Microsoft.Extensions.Options;
using static FundingWeb.Tests.Core.Alerts.AlertWorld;

namespace FundingWeb.Tests.Core.Alerts;

[Trait("Category", "Fast")]
public sealed class AlertMonitorTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private readonly TempDatabase _db = new();
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    public void Dispose() => _db.Dispose();

    private AlertMonitor Monitor(MarketHub hub, AlertFeed feed)
    {
        var repository = new AlertRepository(_db.Factory, _time);
        // The receiver is on loopback, which webhooks may reach only when allowed.
        return new AlertMonitor(hub, repository, new WebhookDispatcher(repository, _time, new WebhookOptions { AllowedHosts = ["127.0.0.1"] }), feed, _time);
    }

    [Fact]
    public async Task Publish_RuleTrips_RecordsHistoryNotifiesTheFeedAndARestartDoesNotReFire()
    {
        var repository = new AlertRepository(_db.Factory, _time);
        await repository.UpsertRuleAsync(new FundingThresholdRule { Id = "hot", Name = "BTC hot", Asset = "BTC", Threshold = 0.5 }, default);
        var hub = new MarketHub(Options.Create(new LiveOptions()), _time);
        var feed = new AlertFeed(_time);
        var notified = 0;
        using var subscription = feed.Subscribe(() => { Interlocked.Increment(ref notified); return Task.CompletedTask; }, TimeSpan.Zero);
        var world = new AlertWorld().Rate("hl", "BTC", Apr(0.6));
        var snapshot = world.Snapshot();

        await using (var first = Monitor(hub, feed))
        {
            await first.StartAsync(default);
            hub.Publish(_ => snapshot);
            _time.Advance(TimeSpan.Zero);
            await Eventually.TrueAsync(() => feed.Recent.Length == 1, Deadline, "the fired alert on the feed");
            _time.Advance(TimeSpan.Zero);
            await Eventually.TrueAsync(() => Volatile.Read(ref notified) == 1, Deadline, "the feed subscriber");
        }

        _time.Advance(TimeSpan.FromMinutes(1));
        await using (var second = Monitor(hub, new AlertFeed(_time)))
        {
            await second.StartAsync(default);
            await second.EvaluateNowAsync();
            Assert.True(second.Evaluator!.StateOf("hot")!.Firing);
        }

        var history = await repository.GetHistoryAsync(0, long.MaxValue, null, 10, default);
        Assert.Equal("hot:fired:1767225600000", Assert.Single(history).Transition.Key);
        Assert.Equal(AlertTransitionKind.Fired, feed.Recent.Single().Transition);
    }

    [Fact]
    public async Task Start_DeliveryPendingAtShutdown_IsResumedWithItsKeyAndDeliveredOnce()
    {
        await using var receiver = await LoopbackVenueServer.StartAsync();
        var keys = new System.Collections.Concurrent.ConcurrentQueue<(string? Key, string? Attempt)>();
        receiver.Map("POST", "/hook", context =>
        {
            keys.Enqueue((context.Request.Headers[WebhookDispatcher.IdempotencyHeader], context.Request.Headers[WebhookDispatcher.AttemptHeader]));
            return Task.FromResult<string?>("{}");
        });
        var repository = new AlertRepository(_db.Factory, _time);
        var fired = new AlertTransition("hot", "BTC hot", AlertRuleKind.FundingThreshold, AlertTransitionKind.Fired, 0.6, "BTC funding +60 % APR", "hl", "BTC",
            _time.GetUtcNow().ToUnixTimeMilliseconds());
        await repository.RecordAsync([fired], [], default);
        // The previous process had tried twice and was stopped while waiting to retry.
        await repository.UpsertDeliveryAsync(new WebhookDelivery(fired.Key, receiver.BaseUrl + "/hook", DeliveryStatus.Pending, 2, "HTTP 503 Service Unavailable",
            _time.GetUtcNow().ToUnixTimeMilliseconds(), null, _time.GetUtcNow().ToUnixTimeMilliseconds()), default);

        var hub = new MarketHub(Options.Create(new LiveOptions()), _time);
        await using (var monitor = Monitor(hub, new AlertFeed(_time)))
        {
            await monitor.StartAsync(default);
            await Eventually.TrueAsync(async () => (await repository.GetDeliveryAsync(fired.Key, default))?.Status == DeliveryStatus.Delivered, Deadline,
                "the resumed delivery");
        }

        Assert.Equal([(fired.Key, "3")], keys.ToArray());
        var delivery = await repository.GetDeliveryAsync(fired.Key, default);
        Assert.Equal(3, delivery!.Attempts);
        Assert.Null(delivery.LastError);
    }
}
