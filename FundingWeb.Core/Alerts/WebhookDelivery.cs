namespace FundingWeb.Core.Alerts;

public enum DeliveryStatus
{
    Pending,
    Delivered,
    Failed,
}

/// <summary>Where one transition's webhook stands; the Alerts page shows it beside the history row.</summary>
/// <param name="EventKey">The transition's <see cref="AlertTransition.Key"/> (also the Idempotency-Key header).</param>
/// <param name="Attempts">POSTs made so far.</param>
/// <param name="LastError">Why the last attempt failed (status code or exception message); null once delivered.</param>
public sealed record WebhookDelivery(
    string EventKey,
    string Url,
    DeliveryStatus Status,
    int Attempts,
    string? LastError,
    long? LastAttemptMs,
    long? DeliveredMs,
    long CreatedMs);
