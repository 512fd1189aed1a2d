using FundingWeb.Core.Liquidations;

namespace FundingWeb.Core.Alerts.Kinds;

public sealed class LadderProximityKind : AlertKind<LadderProximityRule>
{
    public override AlertRuleKind Kind => AlertRuleKind.LadderProximity;
    public override string Title => "Price near a liquidation cluster";
    public override string ValueUnit => "USD within the band";

    public override IReadOnlyList<AlertField> Fields { get; } =
    [
        AssetField, VenueField(),
        new(AlertFieldSlot.Direction, "Side", Choices:
        [
            new("", "longs and shorts"), new(nameof(LiquidationSide.Long), "long liquidations (below price)"),
            new(nameof(LiquidationSide.Short), "short liquidations (above price)"),
        ]),
        new(AlertFieldSlot.Threshold, "Price within", "% of price", TypedPerStored: 100, Min: 0, AboveMin: true),
        new(AlertFieldSlot.MinNotionalUsd, "Liquidations of at least", "USD", Min: 0, AboveMin: true, Missing: "Minimum notional: enter USD above zero."),
        PercentHysteresis,
    ];

    protected override LadderProximityRule Make(string id, string name, AlertFormValues v) => new()
    {
        Id = id, Name = name, Asset = v.Asset, Venue = v.Venue, WithinFraction = Stored(AlertFieldSlot.Threshold, v.Threshold), MinNotionalUsd = v.MinNotionalUsd ?? 0,
        Side = v.Direction.Length == 0 ? null : Enum.Parse<LiquidationSide>(v.Direction),
    };

    protected override AlertFormValues Values(LadderProximityRule r) => new()
    {
        Asset = r.Asset, Venue = r.Venue, Threshold = Typed(AlertFieldSlot.Threshold, r.WithinFraction), MinNotionalUsd = r.MinNotionalUsd, Direction = r.Side?.ToString() ?? "",
    };

    internal override AlertReading? Read(LadderProximityRule rule, AlertContext context) =>
        AlertReadings.LadderProximity(rule, context.Snapshot, context.Firing, context.Levels);

    protected override string Describe(LadderProximityRule r, Func<string, string>? ruleName) =>
        $"{r.Asset} price within {N(r.WithinFraction * 100)} % of {r.Side switch { LiquidationSide.Long => "long liquidations", LiquidationSide.Short => "short liquidations", _ => "liquidations" }} ≥ ${N(r.MinNotionalUsd / 1e6)} M on {Where(r.Venue)}";

    protected override string FormatValue(LadderProximityRule? rule, double value) => string.Create(Inv, $"${value / 1e6:0.##} M");
}
