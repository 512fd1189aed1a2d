using Xunit;
using System.Collections.Concurrent;
using System.Text.Json;
using FundingWeb.Core.Alerts;
using FundingWeb.Tests.Fixtures;
using Microsoft.AspNetCore.Http;

namespace FundingWeb.Tests.Core.Alerts;

[Trait("Category", "Fast")]
public sealed class WebhookDispatcherTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private readonly TempDatabase _db = new();
    private readonly ManualTimeProvider _time = new(Start);
    private readonly ConcurrentQueue<(string Body, string? Key, string? Attempt, int Status)> _received = new();
    // The receivers here are on loopback, which the outbound policy refuses unless allowed.
    private static readonly string[] Loopback = ["127.0.0.1"];
    private LoopbackVenueServer _receiver = null!;
    private AlertRepository _repository = null!;
    private int _failuresLeft;

    private static readonly AlertTransition Fired = new(
        "hot", "BTC hot", AlertRuleKind.FundingThreshold, AlertTransitionKind.Fired, 0.55, "BTC funding on hl +55.00 % APR", "hl", "BTC",
        Start.ToUnixTimeMilliseconds());

    public async Task InitializeAsync()
    {
        _repository = new AlertRepository(_db.Factory, _time);
        _receiver = await LoopbackVenueServer.StartAsync();
        _receiver.Map("POST", "/hook", async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var status = Interlocked.Decrement(ref _failuresLeft) >= 0 ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
            context.Response.StatusCode = status;
            _received.Enqueue((body, context.Request.Headers["Idempotency-Key"], context.Request.Headers["X-FundingWeb-Attempt"], status));
            return "{}";
        });
        await _repository.RecordAsync([Fired], [], default);
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        _db.Dispose();
    }

    private string Url => _receiver.BaseUrl + "/hook";

    /// <summary>Waits for the receiver's <paramref name="requests"/>th request and the dispatcher's backoff, then lets the backoff pass.</summary>
    private async Task<TimeSpan> PassBackoffAfterAsync(int requests, Func<Task>? whileWaiting = null)
    {
        await Eventually.TrueAsync(() => _received.Count == requests && _time.NextDue is not null, Deadline, $"request {requests} and its backoff");
        if (whileWaiting is not null)
        {
            await whileWaiting();
        }
        var wait = _time.NextDue!.Value - _time.GetUtcNow();
        _time.Advance(wait);
        return wait;
    }

    [Fact]
    public async Task Deliver_ReceiverFailsTwiceThenRecovers_RetriesWithBackoffAndDeliversOnce()
    {
        _failuresLeft = 2;
        var options = new WebhookOptions { BaseDelay = TimeSpan.FromSeconds(2), JitterFraction = 0.2, MaxAttempts = 5, AllowedHosts = [.. Loopback] };
        using var dispatcher = new WebhookDispatcher(_repository, _time, options, new Random(7));

        var delivering = dispatcher.DeliverAsync(Fired, Url, default);
        WebhookDelivery? pending = null;
        var firstWait = await PassBackoffAfterAsync(1, async () => pending = await _repository.GetDeliveryAsync(Fired.Key, default));
        var secondWait = await PassBackoffAfterAsync(2);
        var delivery = await delivering.WaitAsync(Deadline);

        Assert.InRange(firstWait, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2.4));
        Assert.InRange(secondWait, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(4.8));
        Assert.Equal((DeliveryStatus.Pending, 1, "HTTP 503 Service Unavailable"), (pending!.Status, pending.Attempts, pending.LastError));
        Assert.Equal((DeliveryStatus.Delivered, 3, null), (delivery.Status, delivery.Attempts, delivery.LastError));
        Assert.Equal(delivery, await _repository.GetDeliveryAsync(Fired.Key, default));

        var requests = _received.ToArray();
        Assert.Equal([503, 503, 200], requests.Select(r => r.Status));
        Assert.Equal(["1", "2", "3"], requests.Select(r => r.Attempt));
        Assert.All(requests, r => Assert.Equal("hot:fired:" + Start.ToUnixTimeMilliseconds(), r.Key));
        Assert.Single(requests.Select(r => r.Body).Distinct());

        using var body = JsonDocument.Parse(requests[^1].Body);
        var json = body.RootElement;
        Assert.Equal("hot:fired:1767225600000", json.GetProperty("id").GetString());
        Assert.Equal("hot", json.GetProperty("ruleId").GetString());
        Assert.Equal("BTC hot", json.GetProperty("ruleName").GetString());
        Assert.Equal("funding_threshold", json.GetProperty("kind").GetString());
        Assert.Equal("fired", json.GetProperty("transition").GetString());
        Assert.Equal(0.55, json.GetProperty("value").GetDouble());
        Assert.Equal("BTC funding on hl +55.00 % APR", json.GetProperty("reason").GetString());
        Assert.Equal("hl", json.GetProperty("venue").GetString());
        Assert.Equal("BTC", json.GetProperty("asset").GetString());
        Assert.Equal("2026-01-01T00:00:00.000Z", json.GetProperty("time").GetString());

        // Delivered once means once: asking again sends nothing.
        Assert.Equal(delivery, await dispatcher.DeliverAsync(Fired, Url, default));
        Assert.Equal(3, _received.Count);
        var row = Assert.Single(await _repository.GetHistoryAsync(0, long.MaxValue, null, 10, default));
        Assert.Equal(DeliveryStatus.Delivered, row.Delivery!.Status);
    }

    [Fact]
    public async Task Deliver_ReceiverNeverRecovers_StopsAfterMaxAttemptsAndRecordsFailed()
    {
        _failuresLeft = int.MaxValue;
        var options = new WebhookOptions { BaseDelay = TimeSpan.FromSeconds(1), MaxAttempts = 3, AllowedHosts = [.. Loopback] };
        using var dispatcher = new WebhookDispatcher(_repository, _time, options, new Random(1));

        var delivering = dispatcher.DeliverAsync(Fired, Url, default);
        await PassBackoffAfterAsync(1);
        await PassBackoffAfterAsync(2);
        var delivery = await delivering.WaitAsync(Deadline);

        Assert.Equal((DeliveryStatus.Failed, 3, "HTTP 503 Service Unavailable"), (delivery.Status, delivery.Attempts, delivery.LastError));
        Assert.Equal(3, _received.Count);
        Assert.Equal([delivery], await _repository.GetDeliveriesAsync(DeliveryStatus.Failed, default));
    }

    [Fact]
    public async Task SendTest_OnePostMarkedAsATest_NothingRecordedAndAFailureIsOnlyAFailure()
    {
        using var dispatcher = new WebhookDispatcher(_repository, _time, new WebhookOptions { AllowedHosts = [.. Loopback] });

        Assert.True(await dispatcher.SendTestAsync(Url, "hot", "BTC hot", AlertRuleKind.FundingThreshold, default));
        var (body, key, attempt, _) = Assert.Single(_received);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("test", json.RootElement.GetProperty("transition").GetString());
        Assert.Equal("hot:test:1767225600000", json.RootElement.GetProperty("id").GetString());
        Assert.Equal("hot:test:1767225600000", key);
        Assert.Equal("1", attempt);
        Assert.Equal("2026-01-01T00:00:00.000Z", json.RootElement.GetProperty("time").GetString());
        Assert.Null(await _repository.GetDeliveryAsync("hot:test:1767225600000", default));

        _failuresLeft = 1;
        Assert.False(await dispatcher.SendTestAsync(Url, "hot", "BTC hot", AlertRuleKind.FundingThreshold, default));
        Assert.Equal(2, _received.Count); // not retried
    }

    [Fact]
    public async Task Deliver_LoopbackReceiverNotAllowed_NothingSentAndTheRecordNamesNoAddress()
    {
        using var dispatcher = new WebhookDispatcher(_repository, _time, new WebhookOptions { MaxAttempts = 1 });

        var delivery = await dispatcher.DeliverAsync(Fired, Url, default).WaitAsync(Deadline);

        Assert.Equal((DeliveryStatus.Failed, WebhookAddressPolicy.RefusedReason), (delivery.Status, delivery.LastError));
        Assert.Empty(_received);
        Assert.False(await dispatcher.SendTestAsync(Url, "hot", "BTC hot", AlertRuleKind.FundingThreshold, default));
        Assert.Empty(_received);
    }

    [Fact]
    public async Task Deliver_ReceiverRedirects_NotFollowedAndRecordedAsAFailure()
    {
        var followed = 0;
        _receiver.Map("POST", "/moved", context =>
        {
            context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
            context.Response.Headers.Location = _receiver.BaseUrl + "/elsewhere";
            return Task.FromResult<string?>("{}");
        });
        _receiver.Map("POST", "/elsewhere", _ =>
        {
            Interlocked.Increment(ref followed);
            return Task.FromResult<string?>("{}");
        });
        using var dispatcher = new WebhookDispatcher(_repository, _time, new WebhookOptions { MaxAttempts = 1, AllowedHosts = [.. Loopback] });

        var delivery = await dispatcher.DeliverAsync(Fired, _receiver.BaseUrl + "/moved", default).WaitAsync(Deadline);

        Assert.Equal((DeliveryStatus.Failed, "HTTP 307 redirect, not followed"), (delivery.Status, delivery.LastError));
        Assert.False(await dispatcher.SendTestAsync(_receiver.BaseUrl + "/moved", "hot", "BTC hot", AlertRuleKind.FundingThreshold, default));
        Assert.Equal(0, followed);
    }

    [Fact]
    public async Task Deliver_NameResolvingToLoopback_RefusedAtConnectUnlessTheNameIsAllowed()
    {
        // The name passes every check on the URL; only the address it resolves to, at connect, gives it away.
        var port = new Uri(_receiver.BaseUrl).Port;
        var url = $"http://hooks.example.test:{port}/hook";
        Task<System.Net.IPAddress[]> Resolve(string host, CancellationToken _) => Task.FromResult(new[] { System.Net.IPAddress.Loopback });

        using var refused = new WebhookDispatcher(_repository, _time, policy: new WebhookAddressPolicy(resolve: Resolve));
        Assert.False(await refused.SendTestAsync(url, "hot", "BTC hot", AlertRuleKind.FundingThreshold, default));
        Assert.Empty(_received);

        using var allowed = new WebhookDispatcher(_repository, _time, policy: new WebhookAddressPolicy(["hooks.example.test"], Resolve));
        Assert.True(await allowed.SendTestAsync(url, "hot", "BTC hot", AlertRuleKind.FundingThreshold, default));
        Assert.Single(_received);
    }

    [Fact]
    public void Backoff_GrowsExponentiallyWithBoundedJitterAndACap()
    {
        using var dispatcher = new WebhookDispatcher(_repository, _time,
            new WebhookOptions { BaseDelay = TimeSpan.FromSeconds(2), MaxDelay = TimeSpan.FromSeconds(10), JitterFraction = 0.5 });

        Assert.Equal(TimeSpan.FromSeconds(2), dispatcher.Backoff(1, 0));
        Assert.Equal(TimeSpan.FromSeconds(8), dispatcher.Backoff(3, 0));
        Assert.Equal(TimeSpan.FromSeconds(12), dispatcher.Backoff(3, 1));
        Assert.Equal(TimeSpan.FromSeconds(10), dispatcher.Backoff(9, 0));
    }
}
