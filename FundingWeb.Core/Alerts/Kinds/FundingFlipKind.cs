using FundingWeb.Core.Funding;

namespace FundingWeb.Core.Alerts.Kinds;

public sealed class FundingFlipKind : AlertKind<FundingFlipRule>
{
    public override AlertRuleKind Kind => AlertRuleKind.FundingFlip;
    public override string Title => "Funding sign flip";
    public override string ValueUnit => "the quoted rate as a fraction at the rule's basis";

    public override IReadOnlyList<AlertField> Fields { get; } =
    [
        AssetField,
        new(AlertFieldSlot.Venue, "Venue", Missing: "Venue: a flip is watched on one venue.", EmptyLabel: "choose a venue"),
        new(AlertFieldSlot.Direction, "Direction", Choices:
        [
            new(nameof(FlipDirection.Either), "either way"), new(nameof(FlipDirection.ToNegative), "positive → negative"),
            new(nameof(FlipDirection.ToPositive), "negative → positive"),
        ]),
        PercentHysteresis with { Unit = "% APR (simple)" },
    ];

    protected override FundingFlipRule Make(string id, string name, AlertFormValues v) =>
        new() { Id = id, Name = name, Asset = v.Asset, Venue = v.Venue!, Direction = Enum.Parse<FlipDirection>(v.Direction), Basis = RateBasis.Apr };

    protected override AlertFormValues Values(FundingFlipRule r) => new() { Asset = r.Asset, Venue = r.Venue, Direction = r.Direction.ToString(), Basis = r.Basis };

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
