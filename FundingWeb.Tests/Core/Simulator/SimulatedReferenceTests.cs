using FundingWeb.Core.Funding;
using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Simulator;
using FundingWeb.Tests.Fixtures;
using Xunit;

namespace FundingWeb.Tests.Core.Simulator;

/// <summary>The simulated predictedFundings: the live wire shape through the live parser, 4 h and 8 h Binance legs, null slots, deterministic.</summary>
[Trait("Category", "Fast")]
public sealed class SimulatedReferenceTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);

    private static SimulatedWorld World(int seed = 42) => new(new SimulatorOptions { Seed = seed, BackfillDays = 1 }, new ManualTimeProvider(Start));

    [Fact]
    public async Task Read_EveryAsset_BinanceFourHourOnTheTailEightOnMajors_NullSlotsSkipped_EachByItsOwnInterval()
    {
        var world = World();
        var reading = await new SimulatedReferenceSource(world).ReadAsync(default);

        var binance = reading.Rates.Where(r => r.Exchange == "binance").ToList();
        Assert.Equal(8, binance.Single(r => r.Asset == "BTC").IntervalHours);
        Assert.Equal(4, binance.Single(r => r.Asset == "LINK").IntervalHours);
        Assert.Contains(reading.Rates, r => r.Exchange == "bybit" && r.IntervalHours == 8);
        Assert.True(reading.Skipped > 0, "no null slot or missing interval in the simulated payload");
        Assert.All(reading.Rates, r => Assert.Equal(FundingNormalizer.ToRate1h(r.RateRaw, RateUnit.Fraction, r.IntervalHours), r.Rate1h, 15));
        Assert.All(reading.Rates, r => Assert.InRange(Math.Abs(r.Rate1h), 0, 0.003 / 8 + 1e-12));
        Assert.Equal(world.Assets.Count, reading.Rates.Count(r => r.Exchange == "hyperliquid"));

        var again = await new SimulatedReferenceSource(World()).ReadAsync(default);
        Assert.Equal(reading.Rates, again.Rates);
    }

    [Fact]
    public async Task Read_HyperliquidFaultKnob_FailsWithAReason()
    {
        var world = World();
        world.SetFailing(VenueIds.Hyperliquid, true);

        var error = await Assert.ThrowsAsync<VenueException>(() => new SimulatedReferenceSource(world).ReadAsync(default));
        Assert.Contains("fault knob", error.Reason);
    }
}
