using System.Diagnostics;
using FundingWeb.Core.Alerts;
using FundingWeb.Core.Carry;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.Live;
using FundingWeb.Core.Storage;
using FundingWeb.Core.Venues.Simulator;

namespace FundingWeb.Bench;

/// <summary>
/// Alert evaluation (runs on every published snapshot, inside the monitor) with a desk-sized rule set on the full
/// simulated snapshot, and the carry calculator as its page runs it: 30 days of one market read from SQLite plus the estimate.
/// </summary>
public static class AlertsAndCarryBenchmark
{
    public static async Task RunAsync(bool quick)
    {
        using var db = new BenchDatabase();
        var world = new SimulatedWorld(new SimulatorOptions { Seed = 5, BackfillDays = 31, CongestionEveryHours = 0 }, TimeProvider.System);
        var (hub, _) = await SimulatedStart.RunAsync(db, world, 31, m => m.BaseAsset == "BTC");
        var snapshot = hub.Current;

        // Five rules per asset (threshold on any venue, flip on the deepest venue, sustained spread, OI change, ladder
        // proximity), a stale rule per venue and a two-of-N per asset.
        var rules = new List<AlertRule>();
        foreach (var asset in snapshot.Assets)
        {
            var deepest = snapshot.Venues.Values.Where(v => v.ForAsset(asset) is not null).MaxBy(v => v.ForAsset(asset)!.OpenInterestUsd ?? 0)!.Venue.Id;
            rules.Add(new FundingThresholdRule { Id = $"{asset}-hot", Name = $"{asset} hot", Asset = asset, Threshold = 0.5, Hysteresis = 0.05 });
            rules.Add(new FundingFlipRule { Id = $"{asset}-flip", Name = $"{asset} flip", Asset = asset, Venue = deepest, Hysteresis = 0.01 });
            rules.Add(new SpreadRule { Id = $"{asset}-spread", Name = $"{asset} spread", Asset = asset, ThresholdApr = 0.2, MinDuration = TimeSpan.FromMinutes(10) });
            rules.Add(new OpenInterestChangeRule { Id = $"{asset}-oi", Name = $"{asset} OI", Asset = asset, ThresholdFraction = 0.1, Window = TimeSpan.FromHours(1) });
            rules.Add(new LadderProximityRule { Id = $"{asset}-ladder", Name = $"{asset} ladder", Asset = asset, WithinFraction = 0.02, MinNotionalUsd = 1e6 });
            rules.Add(new CompositeRule { Id = $"{asset}-two", Name = $"{asset} two of", RuleIds = [$"{asset}-hot", $"{asset}-spread", $"{asset}-oi"], Within = TimeSpan.FromMinutes(30) });
        }
        rules.AddRange(snapshot.Venues.Keys.Select(v => new VenueStaleRule { Id = $"{v}-stale", Name = $"{v} stale", Venue = v }));

        var clock = new SteppedClock(DateTimeOffset.UtcNow);
        var evaluator = new AlertEvaluator(rules, clock, levels: MeasuredLiquidationLevels.Instance);
        var evaluations = quick ? 500 : 3000;
        var timings = new List<double>(evaluations);
        for (var i = 0; i < evaluations; i++)
        {
            clock.Step(TimeSpan.FromSeconds(1));
            var sw = Stopwatch.StartNew();
            evaluator.Evaluate(snapshot);
            _ = evaluator.TakeChangedStates();
            timings.Add(sw.Elapsed.TotalMilliseconds);
        }
        var markets = snapshot.Venues.Values.Sum(v => v.Markets.Count);
        Console.WriteLine();
        Console.WriteLine($"Alert evaluation ({rules.Count} rules on a snapshot of {snapshot.Venues.Count} venues, {markets} markets, {evaluations} evaluations)");
        Console.WriteLine($"  per snapshot {Stats.Summary(timings)}");

        // The carry page: history of one market (30 days + the hold) from SQLite, then the estimate.
        var queries = new HistoryQueries(db.Factory);
        var venue = snapshot.Venues["hyperliquid"];
        var quote = venue.ForAsset("BTC")!;
        var position = new CarryPosition("hyperliquid", "BTC", PositionSide.Long, 1_000_000, 10, 168);
        var carry = new List<double>();
        var reads = new List<double>();
        var rows = 0;
        for (var i = 0; i < (quick ? 5 : 20); i++)
        {
            var sw = Stopwatch.StartNew();
            var to = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var from = to - (long)TimeSpan.FromDays(37).TotalMilliseconds;
            var history = await queries.GetMarketFundingAsync("BTC", "hyperliquid", quote.Market.Symbol, from, to, default);
            reads.Add(sw.Elapsed.TotalMilliseconds);
            var market = new CarryMarket(venue.Venue, quote.Mark!.Value, quote.Market.MaintenanceMargin, quote.Funding?.Rate1h, history,
                MeasuredLiquidationLevels.Instance.For(venue, quote).ToList(), LadderKind.Measured, to);
            CarryCalculator.Estimate(position, market);
            carry.Add(sw.Elapsed.TotalMilliseconds);
            rows = history.Count;
        }
        Console.WriteLine($"Carry calculator (Hyperliquid BTC, {rows:N0} rows of 37 days, 168 h hold, measured levels)");
        Console.WriteLine($"  SQLite reads      {Stats.Summary(reads)}");
        Console.WriteLine($"  reads + estimate  {Stats.Summary(carry)}");
    }

    /// <summary>A clock the benchmark moves: rules with windows and cooldowns see time pass between snapshots.</summary>
    private sealed class SteppedClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public void Step(TimeSpan by) => _now += by;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
