using FundingWeb.Core.Funding;

namespace FundingWeb.Core.Alerts.Kinds;

public sealed class FundingThresholdKind : AlertKind<FundingThresholdRule>
{
    public override AlertRuleKind Kind => AlertRuleKind.FundingThreshold;
    public override string Title => "Funding above / below a threshold";
    public override string ValueUnit => "the quoted rate as a fraction at the rule's basis";

    internal override AlertReading? Read(FundingThresholdRule rule, AlertContext context) => AlertReadings.FundingThreshold(rule, context.Snapshot, context.Firing);

    protected override string Describe(FundingThresholdRule r, Func<string, string>? ruleName) =>
        $"{r.Asset} funding on {Where(r.Venue)} {(r.Direction == ThresholdDirection.Above ? "above" : "below")} {N(r.Threshold * 100)} {FundingBasis.Label(r.Basis)}";

    protected override string FormatValue(FundingThresholdRule? rule, double value) =>
        string.Create(Inv, $"{value * 100:+0.####;-0.####;0} {(rule is null ? "%" : FundingBasis.Label(rule.Basis))}");
}
