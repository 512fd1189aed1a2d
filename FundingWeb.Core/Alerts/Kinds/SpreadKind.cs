namespace FundingWeb.Core.Alerts.Kinds;

public sealed class SpreadKind : AlertKind<SpreadRule>
{
    public override AlertRuleKind Kind => AlertRuleKind.Spread;
    public override string Title => "Cross-venue spread sustained";
    public override string ValueUnit => "the widest spread as an APR fraction";

    public override IReadOnlyList<AlertField> Fields { get; } =
    [
        AssetField,
        new(AlertFieldSlot.Threshold, "Threshold", "% APR (simple)", TypedPerStored: 100, Min: 0, AboveMin: true),
        new(AlertFieldSlot.Minutes, "Sustained for (minutes)", "min", Min: 0),
        PercentHysteresis,
    ];

    protected override SpreadRule Make(string id, string name, AlertFormValues v) =>
        new() { Id = id, Name = name, Asset = v.Asset, ThresholdApr = Stored(AlertFieldSlot.Threshold, v.Threshold), MinDuration = MinutesOf(v) };

    protected override AlertFormValues Values(SpreadRule r) =>
        new() { Asset = r.Asset, Threshold = Typed(AlertFieldSlot.Threshold, r.ThresholdApr), Minutes = r.MinDuration.TotalMinutes };

    internal override AlertReading? Read(SpreadRule rule, AlertContext context) => AlertReadings.Spread(rule, context.Snapshot, context.Firing);

    protected override string Describe(SpreadRule r, Func<string, string>? ruleName) =>
        $"{r.Asset} widest cross-venue spread above {N(r.ThresholdApr * 100)} % APR for {N(r.MinDuration.TotalMinutes)} min";

    protected override string FormatValue(SpreadRule? rule, double value) => string.Create(Inv, $"{value * 100:0.##} % APR");
}
