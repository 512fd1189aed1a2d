using FundingWeb.Core.Funding;

namespace FundingWeb.Core.Venues.Lighter;

/// <summary>
/// How Lighter writes its rates, per NOTES.md §0.1 and §4.2. Both are [U]: one third-party source (df-lighter-core)
/// against the docs' WS example, and nothing captured live by this project.
/// </summary>
public sealed record LighterConventions(RateUnit QuotedUnit, double QuotedIntervalHours)
{
    /// <summary>
    /// <c>/api/v1/funding-rates</c> <c>rate</c>: df-lighter-core says an 8-hour fraction. The recorded 0.000096 fits that
    /// (≈ 0.01 % per 8 h, the usual baseline); read as percent per hour it would be an implausibly small 0.0000096 %/h.
    /// </summary>
    public static LighterConventions Default { get; } = new(RateUnit.Fraction, 8d);

    /// <summary><c>/api/v1/fundings</c> <c>rate</c>: percent of notional for the hour, sign from <c>direction</c> (df-lighter-core) [U].</summary>
    public const RateUnit HistoryUnit = RateUnit.Percent;

    public const double HistoryIntervalHours = 1d;

    /// <summary>A deployment flips the quoted unit/interval with Venues:lighter:RateUnit / RateIntervalHours, no rebuild.</summary>
    public static LighterConventions From(VenueOptions options)
    {
        var unit = Enum.TryParse<RateUnit>(options.RateUnit, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : Default.QuotedUnit;
        var hours = options.RateIntervalHours is double h && h > 0 && double.IsFinite(h) ? h : Default.QuotedIntervalHours;
        return new(unit, hours);
    }
}
