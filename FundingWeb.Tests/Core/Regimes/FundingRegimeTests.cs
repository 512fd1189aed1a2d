using FundingWeb.Core.Funding;
using FundingWeb.Core.Regimes;
using Xunit;

namespace FundingWeb.Tests.Core.Regimes;

/// <summary>Worked numbers for the regime rule (z against 30 days of settlements, persistence, flips) and for the premium.</summary>
[Trait("Category", "Fast")]
public sealed class FundingRegimeTests
{
    private const long Hour = 3_600_000;
    private const long Now = 1_800_000_000_000 - 1_800_000_000_000 % Hour;

    private static FundingRate Settled(long hoursAgo, double rate1h, double interval = 1) =>
        new("v", "BTC", Now - hoursAgo * Hour, FundingKind.Settled, FundingLeg.Net, rate1h * interval, interval, RateUnit.Fraction, rate1h);

    /// <summary>48 hourly settlements alternating 1e-5 and 3e-5: mean 2e-5, standard deviation 1e-5, all positive.</summary>
    private static List<FundingRate> Steady() => Enumerable.Range(0, 48).Select(h => Settled(h, h % 2 == 0 ? 1e-5 : 3e-5)).ToList();

    public static TheoryData<double, FundingRegimeLabel, double> Quotes => new()
    {
        // quote rate_1h, label, z
        { 2e-5, FundingRegimeLabel.Calm, 0 },
        { 2.5e-5, FundingRegimeLabel.Calm, 0.5 },
        { 3e-5, FundingRegimeLabel.Elevated, 1 },
        { 4e-5, FundingRegimeLabel.Elevated, 2 },
        { 5e-5, FundingRegimeLabel.Extreme, 3 },
        { -1e-5, FundingRegimeLabel.Extreme, -3 },
    };

    [Theory]
    [MemberData(nameof(Quotes))]
    public void Of_QuoteAgainstItsHistory_ZAndLabel(double quote, FundingRegimeLabel label, double z)
    {
        var regime = FundingRegime.Of(Steady(), quote, Now);
        Assert.Equal(2e-5, regime.Mean1h!.Value, 12);
        Assert.Equal(1e-5, regime.StdDev1h!.Value, 12);
        Assert.Equal(z, regime.Z!.Value, 9);
        Assert.Equal(label, regime.Label);
        Assert.Equal(48, regime.Settlements);
    }

    [Fact]
    public void Of_SameSignForTwoDays_PersistenceFromTheOldestSettlementOfThatSign()
    {
        var regime = FundingRegime.Of(Steady(), 2e-5, Now);
        // The oldest settlement, 47 h ago, paid for the hour before it: 48 h at a positive sign.
        Assert.Equal(48, regime.PersistenceHours, 9);
        Assert.Equal(0, regime.SignChanges24h);
        Assert.Equal(0, FundingRegime.Of(Steady(), -2e-5, Now).PersistenceHours);
    }

    [Fact]
    public void Of_ThreeSignChangesInADay_FlippingWhateverZ()
    {
        var rows = Steady();
        rows[2] = Settled(2, -1e-5);
        rows[5] = Settled(5, -1e-5);
        var regime = FundingRegime.Of(rows, 2e-5, Now);
        // + (48..6) then -, +, +, -, +, (quote +): changes at 5, 4, 2, 1 → 4
        Assert.Equal(4, regime.SignChanges24h);
        Assert.Equal(FundingRegimeLabel.Flipping, regime.Label);
        Assert.Equal(2, regime.PersistenceHours, 9);
    }

    [Fact]
    public void Of_ThinOrFlatHistory_UnknownAndSaysWhy()
    {
        var thin = FundingRegime.Of(Steady().Take(10), 5e-5, Now);
        Assert.Equal(FundingRegimeLabel.Unknown, thin.Label);
        Assert.Contains("10 settlements", thin.Describe());
        var flat = FundingRegime.Of(Enumerable.Range(0, 30).Select(h => Settled(h, 1e-5)), 5e-5, Now);
        Assert.Null(flat.StdDev1h);
        Assert.Equal(FundingRegimeLabel.Unknown, flat.Label);
        Assert.Equal(FundingRegimeLabel.Unknown, FundingRegime.Of([], null, Now).Label);
    }

    [Fact]
    public void Of_EightHourSettlements_WeightedByTheHoursTheyPaidFor()
    {
        // 30 days of 8-hourly settlements: 45 at 1e-5 per hour, 45 at 3e-5 per hour.
        var rows = Enumerable.Range(0, 90).Select(k => Settled(8L * k, k % 2 == 0 ? 1e-5 : 3e-5, interval: 8)).ToList();
        var regime = FundingRegime.Of(rows, 2e-5, Now);
        Assert.Equal(2e-5, regime.Mean1h!.Value, 12);
        Assert.Equal(1e-5, regime.StdDev1h!.Value, 12);
        // The last day holds the settlements of 0, 8 and 16 hours ago: 1e-5, 3e-5, 1e-5.
        Assert.Equal(5e-5 / 3, regime.Averages.Single(a => a.Window == "1d").Average1h!.Value, 12);
    }

    [Fact]
    public void Of_RowsOlderThan30DaysAndImplausibleRows_LeftOut()
    {
        var rows = Steady();
        rows.Add(Settled(24 * 31, 1));
        rows.Add(Settled(3, 0.5) with { Implausible = "beyond the cap" });
        var regime = FundingRegime.Of(rows, 2e-5, Now);
        Assert.Equal(48, regime.Settlements);
        Assert.Equal(2e-5, regime.Mean1h!.Value, 12);
    }

    [Theory]
    [InlineData(100.5, 100.0, 0.005)]
    [InlineData(99.0, 100.0, -0.01)]
    public void Premium_MarkAgainstIndex(double mark, double index, double expected) =>
        Assert.Equal(expected, Premium.Of(mark, index)!.Value, 12);

    [Theory]
    [InlineData(null, 100.0)]
    [InlineData(100.0, null)]
    [InlineData(100.0, 0.0)]
    [InlineData(double.NaN, 100.0)]
    [InlineData(-1.0, 100.0)]
    public void Premium_MissingOrBadPrice_Null(double? mark, double? index) => Assert.Null(Premium.Of(mark, index));
}
