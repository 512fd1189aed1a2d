namespace FundingWeb.Core.Alerts;

/// <summary>
/// "Two of these within M minutes": fires when at least <see cref="Required"/> of <see cref="RuleIds"/> have fired
/// (Fired transition) within the last <see cref="Within"/>, and clears when fewer have. The value is that count.
/// Composites are evaluated after the plain rules of the same snapshot, in list order, so a member that fires on a
/// snapshot counts on it; a composite that names a later composite sees it one evaluation late.
/// </summary>
public sealed record CompositeRule : AlertRule
{
    public required IReadOnlyList<string> RuleIds { get; init; }

    public int Required { get; init; } = 2;

    public TimeSpan Within { get; init; } = TimeSpan.FromMinutes(30);

    public override AlertRuleKind Kind => AlertRuleKind.Composite;
}
