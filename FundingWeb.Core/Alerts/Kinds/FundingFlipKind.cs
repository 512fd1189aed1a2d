using FundingWeb.Core.Funding;

namespace FundingWeb.Core.Alerts.Kinds;

public sealed class FundingFlipKind : AlertKind<FundingFlipRule>
{
    public override AlertRuleKind Kind => AlertRuleKind.FundingFlip;
    public override string Title => "Funding sign flip";
    public override string ValueUnit => "the quoted rate as a fraction at the rule's basis";

    internal override AlertReading? Read(FundingFlipRule rule, AlertContext context)
    {
        var state = context.State;
        var reading = AlertReadings.FundingFlip(rule, context.Snapshot, ref state);
        context.State = state;
        return reading;
    }

    protected override string Describe(FundingFlipRule r, Func<string, string>? ruleName) =>
        $"{r.Asset} funding on {r.Venue} flips {r.Direction switch { FlipDirection.ToNegative => "positive → negative", FlipDirection.ToPositive => "negative → positive", _ => "sign" }}";

    protected override string FormatValue(FundingFlipRule? rule, double value) =>
        string.Create(Inv, $"{value * 100:+0.####;-0.####;0} {(rule is null ? "%" : FundingBasis.Label(rule.Basis))}");
}
