namespace FundingWeb.Core.Storage;

/// <summary>One funding point of a market: the hourly rate and the period it covers.</summary>
/// <param name="Origin">How a settled row was obtained, where the venue allows more than one way (<see cref="Funding.FundingOrigins"/>).</param>
/// <param name="Implausible">Why the rate cannot be right; null when plausible. Chart reads leave such rows out.</param>
public sealed record FundingPoint(string Venue, string Symbol, long TimeMs, double Rate1h, double IntervalHours, string? Origin = null, string? Implausible = null)
{
    /// <summary>As a normalised rate of the market (net leg, fraction per interval), for calculators that take rows.</summary>
    public Funding.FundingRate ToRate(Funding.FundingKind kind) =>
        new(Venue, Symbol, TimeMs, kind, Funding.FundingLeg.Net, Rate1h * IntervalHours, IntervalHours, Funding.RateUnit.Fraction, Rate1h);
}

/// <summary>One open-interest point of a market.</summary>
public sealed record OpenInterestPoint(string Venue, string Symbol, long TimeMs, double Base, double Usd, double? LongUsd, double? ShortUsd);

/// <summary>One price point of a market (mark, else index).</summary>
public sealed record PricePoint(long TimeMs, double Price);
