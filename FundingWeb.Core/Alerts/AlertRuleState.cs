namespace FundingWeb.Core.Alerts;

/// <summary>
/// Where a rule stands, persisted so a restart resumes instead of re-firing what was already firing.
/// </summary>
/// <param name="SinceMs">When the rule entered its current firing/clear state; null before its first transition.</param>
/// <param name="BreachedSinceMs">Start of the current unbroken run of the fire condition (drives sustained rules).</param>
/// <param name="LastValue">The last value read, in the kind's unit (not part of <see cref="SameAs"/>: it moves every snapshot).</param>
/// <param name="Sign">Flip rules: the last established sign of the rate (−1, 0 unknown, +1).</param>
/// <param name="ReferenceSign">Flip rules: the sign a flip is measured from (0 until seen).</param>
public sealed record AlertRuleState(
    string RuleId,
    bool Firing,
    long? SinceMs,
    long? LastFiredMs,
    long? LastClearedMs,
    long? BreachedSinceMs,
    double? LastValue,
    int Sign,
    int ReferenceSign)
{
    public static AlertRuleState Initial(string ruleId) => new(ruleId, false, null, null, null, null, null, 0, 0);

    /// <summary>Equal in everything that is worth persisting.</summary>
    public bool SameAs(AlertRuleState other) => this with { LastValue = null } == other with { LastValue = null };
}
