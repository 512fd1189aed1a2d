namespace FundingWeb.Core.Alerts.Kinds;

public sealed class CompositeKind : AlertKind<CompositeRule>
{
    public override AlertRuleKind Kind => AlertRuleKind.Composite;
    public override string Title => "Two (or N) of these within M minutes";
    public override string ValueUnit => "rules fired within the window";
    public override bool UsesHysteresis => false;

    internal override AlertReading? Read(CompositeRule rule, AlertContext context) => AlertReadings.Composite(rule, context.States, context.Rules, context.NowMs);

    protected override string Describe(CompositeRule r, Func<string, string>? ruleName) =>
        $"{r.Required} of {string.Join(", ", r.RuleIds.Select(id => ruleName?.Invoke(id) ?? id))} within {N(r.Within.TotalMinutes)} min";

    protected override string FormatValue(CompositeRule? rule, double value) => value.ToString("0", Inv);
}
