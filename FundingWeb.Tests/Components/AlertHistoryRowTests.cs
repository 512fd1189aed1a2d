using FundingWeb.Core.Alerts;
using FundingWeb.Model;
using Xunit;

namespace FundingWeb.Tests.Components;

[Trait("Category", "Fast")]
public sealed class AlertHistoryRowTests
{
    private static WebhookDelivery Delivery(DeliveryStatus status, int attempts, string? error, long? deliveredMs = null) =>
        new("k", "https://hooks.example/x", status, attempts, error, 1, deliveredMs, 0);

    public static TheoryData<WebhookDelivery?, string, string> Deliveries() => new()
    {
        { null, "none", "–" },
        { Delivery(DeliveryStatus.Pending, 0, null), "pending", "pending" },
        { Delivery(DeliveryStatus.Pending, 1, "HTTP 503"), "retrying", "retrying (1 attempt so far; last: HTTP 503)" },
        { Delivery(DeliveryStatus.Pending, 4, null), "retrying", "retrying (4 attempts so far; last: no answer)" },
        { Delivery(DeliveryStatus.Delivered, 1, null, 1_796_000_000_000), "delivered", "delivered after 1 attempt at 2026-11-30 00:53:20" },
        { Delivery(DeliveryStatus.Delivered, 3, null), "delivered", "delivered after 3 attempts" },
        { Delivery(DeliveryStatus.Failed, 8, "connection refused"), "failed", "failed after 8 attempts: connection refused" },
        { Delivery(DeliveryStatus.Failed, 1, null), "failed", "failed after 1 attempt: no answer" },
        // A clock gone wrong prints a dash, never throws.
        { Delivery(DeliveryStatus.Delivered, 2, null, long.MaxValue), "delivered", "delivered after 2 attempts at –" },
    };

    [Theory]
    [MemberData(nameof(Deliveries))]
    public void Delivery_EveryState_SaidInWords(WebhookDelivery? delivery, string state, string text)
    {
        Assert.Equal(state, AlertHistoryRow.DeliveryState(delivery));
        Assert.Equal(text, AlertHistoryRow.DescribeDelivery(delivery));
    }

    [Fact]
    public void From_ValueInTheRulesBasis_AndTheTransitionSaid()
    {
        var rule = new FundingThresholdRule { Id = "r", Name = "R", Asset = "BTC", Basis = FundingWeb.Core.Funding.RateBasis.EightHour };
        var t = new AlertTransition("r", "R", AlertRuleKind.FundingThreshold, AlertTransitionKind.Fired, 0.0001, "why", "dydx", "BTC", 1_796_000_000_000);
        var row = AlertHistoryRow.From(new AlertHistoryEntry(1, t, null), [rule]);
        Assert.Equal(("+0.01 % per 8h", "Fired", true, "none"), (row.Value, row.Transition, row.Fired, row.Delivery));
        Assert.Equal(t.Key, row.Key);
    }
}
