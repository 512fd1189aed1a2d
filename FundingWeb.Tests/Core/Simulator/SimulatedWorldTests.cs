using Xunit;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Simulator;
using FundingWeb.Tests.Fixtures;

namespace FundingWeb.Tests.Core.Simulator;

[Trait("Category", "Fast")]
public class SimulatedWorldTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);

    private static (SimulatedWorld World, ManualTimeProvider Time) Create(int seed = 42, int backfillDays = 30)
    {
        var time = new ManualTimeProvider(Start);
        return (new SimulatedWorld(new SimulatorOptions { Seed = seed, BackfillDays = backfillDays }, time), time);
    }

    [Fact]
    public void Observe_SameSeedSameStart_IdenticalQuotesEverywhere()
    {
        var (a, timeA) = Create();
        var (b, timeB) = Create();
        timeA.Advance(TimeSpan.FromMinutes(37));
        timeB.Advance(TimeSpan.FromMinutes(37));

        foreach (var venue in VenueIds.All)
        {
            var oa = a.Observe(venue);
            var ob = b.Observe(venue);
            Assert.Equal(oa.Funding, ob.Funding);
            Assert.Equal(oa.OpenInterest, ob.OpenInterest);
            Assert.Equal(oa.Prices, ob.Prices);
        }
    }

    [Fact]
    public void Observe_PathDoesNotDependOnHowOftenItIsObserved()
    {
        var (a, timeA) = Create();
        var (b, timeB) = Create();
        for (var i = 0; i < 20; i++)
        {
            timeA.Advance(TimeSpan.FromSeconds(11));
            a.Observe(VenueIds.Dydx);
        }
        timeB.Advance(TimeSpan.FromSeconds(220));

        Assert.Equal(a.Observe(VenueIds.Hyperliquid).Funding, b.Observe(VenueIds.Hyperliquid).Funding);
    }

    [Fact]
    public void Observe_OtherSeed_DifferentWorld()
    {
        var (a, _) = Create(seed: 1);
        var (b, _) = Create(seed: 2);
        Assert.NotEqual(a.Observe(VenueIds.Hyperliquid).Prices, b.Observe(VenueIds.Hyperliquid).Prices);
    }

    [Fact]
    public void Venues_SixVenuesThirtyPlusAssets_NotEveryVenueListsEverything()
    {
        var (world, _) = Create();
        var listings = VenueIds.All.ToDictionary(v => v, v => world.Observe(v).Markets.Select(m => m.BaseAsset).ToHashSet());

        Assert.Equal(6, listings.Count);
        Assert.True(listings.Values.SelectMany(s => s).Distinct().Count() >= 30);
        Assert.Contains(listings.Values, s => s.Count < listings[VenueIds.Hyperliquid].Count);
        Assert.All(listings.Values, s => Assert.True(s.Count >= 15, "every venue lists a realistic book"));
    }

    [Fact]
    public void Observe_EachVenueQuotesInItsOwnConvention()
    {
        var (world, _) = Create();
        var hl = world.Observe(VenueIds.Hyperliquid).Funding.First(f => f.Kind == FundingKind.Quoted);
        Assert.Equal((RateUnit.Fraction, 1d), (hl.Unit, hl.IntervalHours));

        var lighter = world.Observe(VenueIds.Lighter).Funding.First(f => f.Kind == FundingKind.Quoted);
        Assert.Equal((RateUnit.Percent, 1d), (lighter.Unit, lighter.IntervalHours));

        var paradex = world.Observe(VenueIds.Paradex);
        var periods = paradex.Funding.Where(f => f.Kind == FundingKind.Quoted).Select(f => f.IntervalHours).Distinct().Order().ToList();
        Assert.Equal([1d, 8d], periods);

        var gmx = world.Observe(VenueIds.Gmx).Funding.Where(f => f.Kind == FundingKind.Quoted).ToList();
        Assert.All(gmx, f => Assert.Equal((RateUnit.Fixed1e30, 8760d), (f.Unit, f.IntervalHours)));
        Assert.Equal([FundingLeg.Long, FundingLeg.Short, FundingLeg.BorrowLong, FundingLeg.BorrowShort], gmx.Select(f => f.Leg).Distinct());
    }

    [Fact]
    public void Observe_NormalisedRates_AreRealisticFundingLevels()
    {
        var (world, _) = Create();
        var rates = VenueIds.All.SelectMany(v => world.Observe(v).Funding.Where(f => f.Kind == FundingKind.Quoted && f.Leg is FundingLeg.Net or FundingLeg.Long)
            .Select(f => FundingNormalizer.Normalize(v, f).Rate1h)).ToList();
        var aprs = rates.Select(r => Math.Abs(r * 8760)).Order().ToList();
        // Median within a few tens of percent APR: the normaliser and each venue's convention agree on magnitude.
        Assert.InRange(aprs[aprs.Count / 2], 0.01, 0.6);
        Assert.All(aprs, a => Assert.True(a < 45, $"APR {a} is beyond any venue's cap"));
    }

    [Fact]
    public void History_BackfillsThirtyDaysHourlyPerMarket()
    {
        var (world, _) = Create();
        var market = world.Observe(VenueIds.Dydx).Markets[0];
        var history = world.History(VenueIds.Dydx, market.Symbol, Start.AddDays(-31).ToUnixTimeMilliseconds(), Start.ToUnixTimeMilliseconds());

        var settled = history.Funding.Where(f => f.Kind == FundingKind.Settled).ToList();
        Assert.Equal(30 * 24, settled.Count);
        Assert.All(settled.Zip(settled.Skip(1)), p => Assert.Equal(3_600_000, p.Second.TimeMs - p.First.TimeMs));
        // The simulator also knows what it quoted at each hour, so backfilled days have quotes for realised-vs-quoted.
        Assert.Equal(settled.Select(f => f.TimeMs), history.Funding.Where(f => f.Kind == FundingKind.Quoted).Select(f => f.TimeMs));
        Assert.Equal(30 * 24, history.OpenInterest.Count);
    }

    [Fact]
    public void Observe_HourBoundaryCrossed_EmitsSettledRowsOnce()
    {
        var (world, time) = Create();
        world.Observe(VenueIds.Aevo);
        time.Advance(TimeSpan.FromMinutes(31));
        var first = world.Observe(VenueIds.Aevo).Funding.Where(f => f.Kind == FundingKind.Settled).ToList();
        var second = world.Observe(VenueIds.Aevo).Funding.Where(f => f.Kind == FundingKind.Settled).ToList();

        Assert.NotEmpty(first);
        Assert.All(first, f => Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), f.TimeMs));
        Assert.Empty(second);
    }

    [Fact]
    public async Task Client_FaultKnob_FailsThatVenueOnly()
    {
        var (world, _) = Create(backfillDays: 1);
        var clients = world.Venues.ToDictionary(p => p.Info.Id, p => new SimulatedVenueClient(world, p));
        world.SetFailing(VenueIds.Paradex, true);

        var ex = await Assert.ThrowsAsync<VenueException>(() => clients[VenueIds.Paradex].PollAsync(default));
        Assert.Contains("simulated fault", ex.Reason);
        var other = await clients[VenueIds.Lighter].PollAsync(default);
        Assert.NotEmpty(other.Funding);

        world.SetFailing(VenueIds.Paradex, false);
        Assert.NotEmpty((await clients[VenueIds.Paradex].PollAsync(default)).Funding);
    }

    [Fact]
    public void Observe_PositionVenues_ExposeLiquidationPricesOnTheRightSide()
    {
        var (world, _) = Create(backfillDays: 1);
        var observation = world.Observe(VenueIds.Hyperliquid);
        var btcMark = observation.Prices.Single(p => p.Symbol == "BTC").Mark!.Value;
        var btc = observation.Positions.Where(p => p.Symbol == "BTC").ToList();

        Assert.NotEmpty(btc);
        Assert.All(btc.Where(p => p.Side == FundingWeb.Core.Liquidations.LiquidationSide.Long), p => Assert.True(p.LiquidationPrice < btcMark));
        Assert.All(btc.Where(p => p.Side == FundingWeb.Core.Liquidations.LiquidationSide.Short), p => Assert.True(p.LiquidationPrice > btcMark));
        Assert.Empty(world.Observe(VenueIds.Dydx).Positions);
    }
}
