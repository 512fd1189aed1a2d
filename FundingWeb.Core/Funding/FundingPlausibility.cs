using System.Globalization;

namespace FundingWeb.Core.Funding;

/// <summary>
/// The one rule for an implausible rate (PRODUCT.md): beyond the venue's cap for the market, or, where no cap is known,
/// beyond an absolute sanity bound. Such a rate is stored and shown with its reason, never trusted: spreads, alerts and
/// colour scales leave it out. Borrow legs are a cost with no funding cap, so only the bound applies to them.
/// </summary>
public static class FundingPlausibility
{
    /// <summary>
    /// 0.5 % per hour (4,380 % APR simple). Above every sustained real quote we know of on the venues without a published
    /// cap, and an order of magnitude under what a wrong unit produces (a percent read as a fraction is 100×).
    /// </summary>
    public const double DefaultSanityBound1h = 0.005;

    // A rate exactly at the cap is the venue working as designed; allow for the rounding of the cap's own text.
    private const double CapTolerance = 1e-6;

    public static string? Check(double rate1h, FundingLeg leg, MarketConvention? convention, double sanityBound1h = DefaultSanityBound1h)
    {
        if (!double.IsFinite(rate1h)) return "not a finite number";
        var magnitude = Math.Abs(rate1h);
        var isFunding = leg is FundingLeg.Net or FundingLeg.Long or FundingLeg.Short;
        if (isFunding && convention?.Cap1h is { } cap && cap > 0)
        {
            return magnitude > cap * (1 + CapTolerance)
                ? string.Create(CultureInfo.InvariantCulture,
                    $"|{rate1h * 100:0.####} %| per hour is beyond the venue's cap of {cap * 100:0.####} % per hour ({convention.CapSource ?? "venue cap"})")
                : null;
        }
        return magnitude > sanityBound1h
            ? string.Create(CultureInfo.InvariantCulture,
                $"|{rate1h * 100:0.####} %| per hour is beyond the sanity bound of {sanityBound1h * 100:0.####} % per hour ({FundingBasis.FormatPercent(sanityBound1h, RateBasis.Apr)} APR); the venue publishes no cap for this market")
            : null;
    }

    /// <summary>The rows with <see cref="FundingRate.Implausible"/> set where the rule says so.</summary>
    public static IReadOnlyList<FundingRate> Flag(IReadOnlyList<FundingRate> rows, Func<string, MarketConvention?> conventionOf, double sanityBound1h = DefaultSanityBound1h)
    {
        var flagged = new FundingRate[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var reason = Check(row.Rate1h, row.Leg, conventionOf(row.Symbol), sanityBound1h);
            flagged[i] = reason == row.Implausible ? row : row with { Implausible = reason };
        }
        return flagged;
    }
}
