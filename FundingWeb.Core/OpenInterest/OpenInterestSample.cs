namespace FundingWeb.Core.OpenInterest;

/// <summary>
/// A venue's open interest in one asset at one time, in USD: the input of the concentration calculator
/// (<see cref="OpenInterestObservation"/> carries only the venue's symbol, not the venue).
/// </summary>
public sealed record OpenInterestSample(string Venue, long TimeMs, double Usd, double? LongUsd = null, double? ShortUsd = null)
{
    public static OpenInterestSample From(string venue, OpenInterestObservation observation) =>
        new(venue, observation.TimeMs, observation.Usd, observation.LongUsd, observation.ShortUsd);
}
