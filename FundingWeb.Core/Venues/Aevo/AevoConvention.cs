using FundingWeb.Core.Funding;

namespace FundingWeb.Core.Venues.Aevo;

/// <summary>
/// How Aevo's rates are read. NOTES §0.1/§5.2: payments are hourly and the doc formula publishes
/// "Capped 1H = Capped 8H / Funding Interval" [V docs], but that <c>/funding</c>'s <c>funding_rate</c> (and the
/// history rows) carry that 1h figure is inferred from third-party clients [I] (one reads it as 8h). We read it as a
/// fraction per 1 h; a deployment that verifies otherwise sets <c>Venues:aevo:RateIntervalHours</c> / <c>RateUnit</c>.
/// </summary>
public sealed record AevoConvention(RateUnit Unit, double IntervalHours)
{
    public const double DefaultIntervalHours = 1;

    public static AevoConvention From(VenueOptions options)
    {
        var unit = RateUnit.Fraction;
        if (!string.IsNullOrWhiteSpace(options.RateUnit) && !Enum.TryParse(options.RateUnit, ignoreCase: true, out unit))
        {
            throw new ArgumentException($"Venues:aevo:RateUnit '{options.RateUnit}' is not one of {string.Join(", ", Enum.GetNames<RateUnit>())}.");
        }
        var interval = options.RateIntervalHours ?? DefaultIntervalHours;
        if (!(interval > 0)) throw new ArgumentException($"Venues:aevo:RateIntervalHours must be positive, got {interval}.");
        return new AevoConvention(unit, interval);
    }
}
