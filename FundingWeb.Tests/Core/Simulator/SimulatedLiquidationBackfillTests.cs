using FundingWeb.Core.Ingest;
using FundingWeb.Core.Live;
using FundingWeb.Core.Storage;
using FundingWeb.Core.Venues.Simulator;
using FundingWeb.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace FundingWeb.Tests.Core.Simulator;

/// <summary>
/// The simulator's past has realised liquidations, not only its live period: a 7-day BTC read after the backfill is not
/// $0, every backfilled event lies inside the history, and a seed still makes the same world.
/// </summary>
[Trait("Category", "Fast")]
public sealed class SimulatedLiquidationBackfillTests : IDisposable
{
    private const long HourMs = 3_600_000;
    private readonly TempDatabase _db = new();
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _db.Dispose();

    [Fact]
    public void History_HasRealisedLiquidationsAcrossTheBackfilledDays_SameForTheSameSeed()
    {
        var options = new SimulatorOptions { Seed = 11, BackfillDays = 8, CongestionEveryHours = 0 };
        var world = new SimulatedWorld(options, _time);
        var nowMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var from = nowMs - 7 * 24 * HourMs;

        var history = world.History("dydx", "BTC-USD", from, nowMs);

        Assert.NotEmpty(history.Liquidations);
        Assert.All(history.Liquidations, e => Assert.InRange(e.TimeMs, from, nowMs));
        Assert.All(history.Liquidations, e => Assert.True(e.NotionalUsd > 0 && double.IsFinite(e.NotionalUsd)));
        // Spread over the week, not bunched at its end.
        Assert.True(history.Liquidations.Min(e => e.TimeMs) < from + 24 * HourMs);
        Assert.Equal(history.Liquidations.Count, history.Liquidations.Select(e => e.Id).Distinct().Count());

        var again = new SimulatedWorld(options, _time).History("dydx", "BTC-USD", from, nowMs);
        Assert.Equal(history.Liquidations, again.Liquidations);
        Assert.Equal(history.Funding, again.Funding);
    }

    [Fact]
    public async Task Backfill_WritesThePastsLiquidations_ASevenDayBtcReadIsNotZero()
    {
        var world = new SimulatedWorld(new SimulatorOptions { Seed = 11, BackfillDays = 8, CongestionEveryHours = 0 }, _time);
        var profile = world.Venues.Single(v => v.Info.Id == "dydx");
        var client = new SimulatedVenueClient(world, profile);
        var repository = new MarketDataRepository(_db.Factory);
        var hub = new MarketHub(Options.Create(new LiveOptions()), _time);
        var poll = await client.PollAsync(default);
        await new VenueIngestor(repository, hub, _time).IngestAsync(client.Venue, poll, new VenueStatusTracker("dydx", TimeSpan.FromMinutes(5)), 40, default);
        var nowMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var queries = new HistoryQueries(_db.Factory);
        // Before the backfill only the live poll's liquidations (if any) are stored: none older than an hour.
        Assert.Empty(await queries.GetLiquidationsAsync("BTC", "dydx", nowMs - 7 * 24 * HourMs, nowMs - HourMs, default));

        await new VenueBackfill(repository, new MarketDataQueries(_db.Factory), _time, NullLogger<VenueBackfill>.Instance).RunAsync(client, poll.Markets, 7, default);

        var week = await queries.GetLiquidationsAsync("BTC", "dydx", nowMs - 7 * 24 * HourMs, nowMs - HourMs, default);
        Assert.NotEmpty(week);
        Assert.True(week.Sum(e => e.NotionalUsd) > 0);
    }
}
