using FundingWeb.Core.Funding;

namespace FundingWeb.Tests.Core.Funding;

/// <summary>Builds normalised rows for calculator tests; times are offsets in hours from a round UTC hour.</summary>
internal static class FundingRows
{
    public const long T0 = 1_767_225_600_000; // 2026-01-01T00:00Z
    public const long HourMs = 3_600_000;

    public static long At(double hours) => T0 + (long)Math.Round(hours * HourMs);

    public static FundingRate Settled(double hours, double rate1h, double intervalHours = 1, string venue = "hyperliquid", string symbol = "BTC") =>
        new(venue, symbol, At(hours), FundingKind.Settled, FundingLeg.Net, rate1h * intervalHours, intervalHours, RateUnit.Fraction, rate1h);

    public static FundingRate Quoted(double hours, double rate1h, string venue = "hyperliquid", string symbol = "BTC") =>
        new(venue, symbol, At(hours), FundingKind.Quoted, FundingLeg.Net, rate1h, 1, RateUnit.Fraction, rate1h);
}
