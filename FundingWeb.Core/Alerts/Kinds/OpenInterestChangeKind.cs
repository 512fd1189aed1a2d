namespace FundingWeb.Core.Alerts.Kinds;

public sealed class OpenInterestChangeKind : AlertKind<OpenInterestChangeRule>
{
    public override AlertRuleKind Kind => AlertRuleKind.OpenInterestChange;
    public override string Title => "Open interest change over a window";
    public override string ValueUnit => "the change as a fraction";

    public override IReadOnlyList<AlertField> Fields { get; } =
    [
        AssetField, VenueField("all venues (summed)"),
        new(AlertFieldSlot.Direction, "Direction", Choices:
            [new(nameof(ChangeDirection.Either), "rise or fall"), new(nameof(ChangeDirection.Rise), "rise"), new(nameof(ChangeDirection.Fall), "fall")]),
        new(AlertFieldSlot.Threshold, "Threshold", "% change", TypedPerStored: 100, Min: 0, AboveMin: true),
        new(AlertFieldSlot.Minutes, "Over a window of (minutes)", "min", Min: 0, AboveMin: true),
        PercentHysteresis,
    ];

    protected override OpenInterestChangeRule Make(string id, string name, AlertFormValues v) => new()
    {
        Id = id, Name = name, Asset = v.Asset, Venue = v.Venue, ThresholdFraction = Stored(AlertFieldSlot.Threshold, v.Threshold), Window = MinutesOf(v),
        Direction = Enum.Parse<ChangeDirection>(v.Direction),
    };

    protected override AlertFormValues Values(OpenInterestChangeRule r) => new()
    {
        Asset = r.Asset, Venue = r.Venue, Threshold = Typed(AlertFieldSlot.Threshold, r.ThresholdFraction), Minutes = r.Window.TotalMinutes, Direction = r.Direction.ToString(),
    };

    internal override AlertReading? Read(OpenInterestChangeRule rule, AlertContext context) =>
        AlertReadings.OpenInterestChange(rule, context.Snapshot, context.NowMs, context.Firing, context.OpenInterest);

    protected override string Describe(OpenInterestChangeRule r, Func<string, string>? ruleName) =>
        $"{r.Asset} OI on {(r.Venue ?? "all venues")} {r.Direction switch { ChangeDirection.Rise => "rises", ChangeDirection.Fall => "falls", _ => "moves" }} more than {N(r.ThresholdFraction * 100)} % over {N(r.Window.TotalMinutes)} min";

    protected override string FormatValue(OpenInterestChangeRule? rule, double value) => string.Create(Inv, $"{value * 100:+0.##;-0.##;0} %");
}
