using FundingWeb.Core.Regimes;

namespace FundingWeb.Core.Alerts.Kinds;

/// <summary>The watched market's regime (fresh venues only) against the labels the rule fires on.</summary>
public sealed class RegimeChangeKind : AlertKind<RegimeChangeRule>
{
    public override AlertRuleKind Kind => AlertRuleKind.RegimeChange;
    public override string Title => "Funding regime turns extreme or flipping";
    public override string ValueUnit => "the regime's z (standard deviations from 30 days of settlements)";
    public override bool UsesHysteresis => false;

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
