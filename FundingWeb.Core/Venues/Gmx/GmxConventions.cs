using FundingWeb.Core.Funding;

namespace FundingWeb.Core.Venues.Gmx;

/// <summary>
/// How the oracle API's <c>/markets/info</c> writes funding and borrowing rates: 1e30 fixed point, read as annualised
/// (8760 h, the year FundingBasis annualises with). Still unverified by a primary source, but no longer a coin toss:
/// <list type="bullet">
/// <item>GMX's own frontend and SDK (gmx-io/gmx-interface) never read the oracle API's <c>/markets/info</c>: the SDK's
/// <c>/v1/markets/info</c> (a different API) returns raw per-second factors (<c>fundingFactorPerSecond</c>,
/// <c>borrowingFactorPerSecondFor*</c>), its ticker (<c>getMarketTicker</c>) multiplies them by 3600 into per-hour
/// rates, and the <c>/v1/rates</c> history's fields of the same names are per-second factors (the frontend multiplies by
/// the seconds of the projection, <c>NetRateChart.tsx</c>). So the same field name carries three units across GMX APIs.</item>
/// <item>For the oracle <c>/markets/info</c> itself, two independent clients read annualised: tradingstrategy-ai's
/// <c>MarketDepthInfo</c> ("annualised, REST fundingRateLong / 10^30") and a public scanner that checked all listed
/// markets live against GMX's ±300 % APR keeper bounds and the per-second <c>/v1/rates</c> values for the same market.
/// The per-hour reading (NOTES.md §6.2) comes without a source.</item>
/// </list>
/// Venues:gmx:RateUnit / RateIntervalHours flip it without a rebuild (a per-second reading is 1/3600 h).
/// </summary>
public sealed record GmxConventions(RateUnit Unit, double IntervalHours)
{
    public static GmxConventions Default { get; } = new(RateUnit.Fixed1e30, 8760d);

    public static GmxConventions From(VenueOptions options)
    {
        var unit = Enum.TryParse<RateUnit>(options.RateUnit, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : Default.Unit;
        var hours = options.RateIntervalHours is double h && h > 0 && double.IsFinite(h) ? h : Default.IntervalHours;
        return new(unit, hours);
    }
}
