namespace FundingWeb.Polling;

/// <summary>
/// Bound from <c>References</c>: the CEX reference feed (Hyperliquid <c>predictedFundings</c>). Base URL and timeout are
/// Hyperliquid's own (<c>Venues:hyperliquid</c>); the feed runs while Hyperliquid is enabled.
/// </summary>
public sealed class ReferenceOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Each request weighs 20 of Hyperliquid's 1,200/min: once a minute is 1.7 % of the budget.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Below this a typo would spend the venue's budget on a feed that moves hourly.</summary>
    public static readonly TimeSpan MinPollInterval = TimeSpan.FromSeconds(5);

    public TimeSpan EffectiveInterval => PollInterval < MinPollInterval ? MinPollInterval : PollInterval;

    /// <summary>Requests per minute the feed spends, counted against Hyperliquid's limit like its funding poll's.</summary>
    public int RequestsPerMinute => Enabled ? (int)Math.Ceiling(TimeSpan.FromMinutes(1) / EffectiveInterval) : 0;
}
