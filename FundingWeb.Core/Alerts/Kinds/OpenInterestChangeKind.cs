namespace FundingWeb.Core.Alerts.Kinds;

public sealed class OpenInterestChangeKind : AlertKind<OpenInterestChangeRule>
{
    public override AlertRuleKind Kind => AlertRuleKind.OpenInterestChange;
    public override string Title => "Open interest change over a window";
    public override string ValueUnit => "the change as a fraction";

    internal override AlertReading? Read(OpenInterestChangeRule rule, AlertContext context) =>
        AlertReadings.OpenInterestChange(rule, context.Snapshot, context.NowMs, context.Firing, context.OpenInterest);

    protected override string Describe(OpenInterestChangeRule r, Func<string, string>? ruleName) =>
        $"{r.Asset} OI on {(r.Venue ?? "all venues")} {r.Direction switch { ChangeDirection.Rise => "rises", ChangeDirection.Fall => "falls", _ => "moves" }} more than {N(r.ThresholdFraction * 100)} % over {N(r.Window.TotalMinutes)} min";

    protected override string FormatValue(OpenInterestChangeRule? rule, double value) => string.Create(Inv, $"{value * 100:+0.##;-0.##;0} %");
}
