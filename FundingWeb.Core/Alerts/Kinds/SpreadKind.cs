namespace FundingWeb.Core.Alerts.Kinds;

public sealed class SpreadKind : AlertKind<SpreadRule>
{
    public override AlertRuleKind Kind => AlertRuleKind.Spread;
    public override string Title => "Cross-venue spread sustained";
    public override string ValueUnit => "the widest spread as an APR fraction";

    internal override AlertReading? Read(SpreadRule rule, AlertContext context) => AlertReadings.Spread(rule, context.Snapshot, context.Firing);

    protected override string Describe(SpreadRule r, Func<string, string>? ruleName) =>
        $"{r.Asset} widest cross-venue spread above {N(r.ThresholdApr * 100)} % APR for {N(r.MinDuration.TotalMinutes)} min";

    protected override string FormatValue(SpreadRule? rule, double value) => string.Create(Inv, $"{value * 100:0.##} % APR");
}
