namespace FundingWeb.Core.Alerts;

public enum AlertTransitionKind
{
    Fired,
    Cleared,
}

/// <summary>A rule fired or cleared at <see cref="TimeMs"/>, with the value that decided it and why, in words.</summary>
/// <param name="Value">In the rule kind's unit: rate at the rule's basis, spread APR, OI change fraction, USD within the
/// band, minutes stale, count of members.</param>
/// <param name="Venue">The venue the value came from (a spread names "short/long"); null when not one venue.</param>
public sealed record AlertTransition(
    string RuleId,
    string RuleName,
    AlertRuleKind Kind,
    AlertTransitionKind Transition,
    double Value,
    string Reason,
    string? Venue,
    string? Asset,
    long TimeMs)
{
    /// <summary>Unique per transition and stable across retries: the history key and the webhook idempotency key.</summary>
    public string Key => $"{RuleId}:{(Transition == AlertTransitionKind.Fired ? "fired" : "cleared")}:{TimeMs}";
}
