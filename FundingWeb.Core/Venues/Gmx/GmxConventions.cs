using FundingWeb.Core.Funding;

namespace FundingWeb.Core.Venues.Gmx;

/// <summary>
/// How <c>/markets/info</c> writes funding and borrowing rates. [U] in NOTES.md §0.1 and §6.2: 1e30 fixed point for sure;
/// tradingstrategy-ai's client documents fundingRateLong/Short as <b>annualised</b>, another client's notes say per hour.
/// We assume annualised (8760 h, the year FundingBasis annualises with) because that is the reading a client documents
/// field by field; the per-hour claim comes without a source. Venues:gmx:RateUnit / RateIntervalHours flip it without a rebuild.
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
