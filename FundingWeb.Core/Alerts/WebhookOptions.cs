namespace FundingWeb.Core.Alerts;

/// <summary>
/// Retry policy of webhook deliveries. Attempt n (1-based) that fails waits
/// min(<see cref="BaseDelay"/> × 2^(n−1), <see cref="MaxDelay"/>) × (1 + u × <see cref="JitterFraction"/>), u uniform in
/// [0, 1), before attempt n + 1; after <see cref="MaxAttempts"/> failures the delivery is marked failed.
/// </summary>
public sealed class WebhookOptions
{
    public int MaxAttempts { get; set; } = 6;

    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(2);

    public double JitterFraction { get; set; } = 0.2;

    /// <summary>Per attempt, enforced by the HttpClient's own (real-time) timeout.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Receivers allowed although their address is not public (<see cref="WebhookAddressPolicy"/>): exact host names
    /// ("hooks.desk.internal"), addresses ("10.1.2.3", "::1") or CIDR networks ("10.20.0.0/16"). Empty: public addresses only.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];
}
