namespace FundingWeb.Core.Alerts;

/// <summary>One row of alert history, with its webhook delivery where the rule has one.</summary>
public sealed record AlertHistoryEntry(long Id, AlertTransition Transition, WebhookDelivery? Delivery);
