using FundingWeb.Core.Regimes;

namespace FundingWeb.Core.Alerts.Kinds;

/// <summary>The watched market's regime (fresh venues only) against the labels the rule fires on.</summary>
public sealed class RegimeChangeKind : AlertKind<RegimeChangeRule>
{
    public override AlertRuleKind Kind => AlertRuleKind.RegimeChange;
    public override string Title => "Funding regime turns extreme or flipping";
    public override string ValueUnit => "the regime's z (standard deviations from 30 days of settlements)";

    // The label sets a desk picks from, by token; the first is the rule's default.
    private static readonly (string Token, string Label, FundingRegimeLabel[] Labels)[] Sets =
    [
        ("ExtremeOrFlipping", "extreme or flipping", [FundingRegimeLabel.Extreme, FundingRegimeLabel.Flipping]),
        ("Extreme", "extreme", [FundingRegimeLabel.Extreme]),
        ("Flipping", "flipping", [FundingRegimeLabel.Flipping]),
        ("ElevatedOrWorse", "elevated, extreme or flipping", [FundingRegimeLabel.Elevated, FundingRegimeLabel.Extreme, FundingRegimeLabel.Flipping]),
    ];

    public override IReadOnlyList<AlertField> Fields { get; } =
        [AssetField, VenueField(), new(AlertFieldSlot.Direction, "Fires on", Choices: [.. Sets.Select(s => new AlertChoice(s.Token, s.Label))])];

    protected override RegimeChangeRule Make(string id, string name, AlertFormValues v) =>
        new() { Id = id, Name = name, Asset = v.Asset, Venue = v.Venue, Labels = [.. Sets.First(s => s.Token == v.Direction).Labels] };

    // A stored set no choice names (written by hand) shows as the default; saving it then stores the default.
    protected override AlertFormValues Values(RegimeChangeRule r) => new()
    {
        Asset = r.Asset, Venue = r.Venue,
        Direction = Sets.FirstOrDefault(s => s.Labels.Order().SequenceEqual(r.Labels.Distinct().Order())).Token ?? Sets[0].Token,
    };

    internal override AlertReading? Read(RegimeChangeRule rule, AlertContext context)
    {
        var regimes = context.Snapshot.Venues.Values
            .Where(v => !v.Status.IsStale && (rule.Venue is null || v.Venue.Id == rule.Venue))
            .Select(v => (Venue: v.Venue.Id, Quote: v.ForAsset(rule.Asset)))
            .Where(x => x.Quote is not null)
            .Select(x => (x.Venue, Regime: context.Regimes.For(x.Venue, x.Quote!.Market.Symbol)))
            .Where(x => x.Regime is { Label: not FundingRegimeLabel.Unknown })
            .ToList();
        if (regimes.Count == 0) return null;
        var pick = regimes.OrderByDescending(x => rule.Labels.Contains(x.Regime!.Label)).ThenByDescending(x => Math.Abs(x.Regime!.Z ?? 0))
            .ThenBy(x => x.Venue, StringComparer.Ordinal).First();
        var regime = pick.Regime!;
        return new AlertReading(regime.Z ?? 0, rule.Labels.Contains(regime.Label), $"{rule.Asset} on {pick.Venue}: {regime.Describe()}", pick.Venue, rule.Asset);
    }

    protected override string Describe(RegimeChangeRule r, Func<string, string>? ruleName) =>
        $"{r.Asset} funding regime on {Where(r.Venue)} turns {string.Join(" or ", r.Labels.Select(l => l.ToString().ToLowerInvariant()))}";

    protected override string FormatValue(RegimeChangeRule? rule, double value) => string.Create(Inv, $"z {value:+0.00;-0.00;0.00}");
}
