using FundingWeb.Core.Funding;

namespace FundingWeb.Core.Alerts.Kinds;

public sealed class FundingThresholdKind : AlertKind<FundingThresholdRule>
{
    public override AlertRuleKind Kind => AlertRuleKind.FundingThreshold;
    public override string Title => "Funding above / below a threshold";
    public override string ValueUnit => "the quoted rate as a fraction at the rule's basis";

    public override IReadOnlyList<AlertField> Fields { get; } =
    [
        AssetField, VenueField(),
        new(AlertFieldSlot.Direction, "Direction", Choices: [new(nameof(ThresholdDirection.Above), "above"), new(nameof(ThresholdDirection.Below), "below")]),
        new(AlertFieldSlot.Basis, "Basis"),
        new(AlertFieldSlot.Threshold, "Threshold", TypedPerStored: 100),
        PercentHysteresis,
    ];

    public override string ThresholdUnit(RateBasis basis) => FundingBasis.Label(basis);

    protected override FundingThresholdRule Make(string id, string name, AlertFormValues v) => new()
    {
        Id = id, Name = name, Asset = v.Asset, Venue = v.Venue, Direction = Enum.Parse<ThresholdDirection>(v.Direction),
        Threshold = Stored(AlertFieldSlot.Threshold, v.Threshold), Basis = v.Basis,
    };

    protected override AlertFormValues Values(FundingThresholdRule r) =>
        new() { Asset = r.Asset, Venue = r.Venue, Direction = r.Direction.ToString(), Threshold = Typed(AlertFieldSlot.Threshold, r.Threshold), Basis = r.Basis };

    internal override AlertReading? Read(FundingThresholdRule rule, AlertContext context) => AlertReadings.FundingThreshold(rule, context.Snapshot, context.Firing);

    protected override string Describe(FundingThresholdRule r, Func<string, string>? ruleName) =>
        $"{r.Asset} funding on {Where(r.Venue)} {(r.Direction == ThresholdDirection.Above ? "above" : "below")} {N(r.Threshold * 100)} {FundingBasis.Label(r.Basis)}";

    protected override string FormatValue(FundingThresholdRule? rule, double value) =>
        string.Create(Inv, $"{value * 100:+0.####;-0.####;0} {(rule is null ? "%" : FundingBasis.Label(rule.Basis))}");
}
