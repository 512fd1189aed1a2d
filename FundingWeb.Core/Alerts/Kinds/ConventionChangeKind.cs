namespace FundingWeb.Core.Alerts.Kinds;

public sealed class ConventionChangeKind : AlertKind<ConventionChangeRule>
{
    public override AlertRuleKind Kind => AlertRuleKind.ConventionChange;
    public override string Title => "Funding interval or unit changed";
    public override string ValueUnit => "minutes since the change";
    public override bool UsesHysteresis => false;

    internal override AlertReading? Read(ConventionChangeRule rule, AlertContext context) => AlertReadings.ConventionChange(rule, context.Snapshot, context.NowMs);

    protected override string Describe(ConventionChangeRule r, Func<string, string>? ruleName) =>
        $"funding interval or unit changes on {(r.Asset ?? "any asset")} at {Where(r.Venue)} (notified for {N(r.Window.TotalMinutes)} min)";

    protected override string FormatValue(ConventionChangeRule? rule, double value) => string.Create(Inv, $"{value:0.#} min ago");
}
