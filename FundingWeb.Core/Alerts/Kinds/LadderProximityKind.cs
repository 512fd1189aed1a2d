using FundingWeb.Core.Liquidations;

namespace FundingWeb.Core.Alerts.Kinds;

public sealed class LadderProximityKind : AlertKind<LadderProximityRule>
{
    public override AlertRuleKind Kind => AlertRuleKind.LadderProximity;
    public override string Title => "Price near a liquidation cluster";
    public override string ValueUnit => "USD within the band";

    internal override AlertReading? Read(LadderProximityRule rule, AlertContext context) =>
        AlertReadings.LadderProximity(rule, context.Snapshot, context.Firing, context.Levels);

    protected override string Describe(LadderProximityRule r, Func<string, string>? ruleName) =>
        $"{r.Asset} price within {N(r.WithinFraction * 100)} % of {r.Side switch { LiquidationSide.Long => "long liquidations", LiquidationSide.Short => "short liquidations", _ => "liquidations" }} ≥ ${N(r.MinNotionalUsd / 1e6)} M on {Where(r.Venue)}";

    protected override string FormatValue(LadderProximityRule? rule, double value) => string.Create(Inv, $"${value / 1e6:0.##} M");
}
