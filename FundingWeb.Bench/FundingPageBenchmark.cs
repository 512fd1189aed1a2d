using System.Diagnostics;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Storage;
using FundingWeb.Core.Venues.Simulator;
using FundingWeb.Model;

namespace FundingWeb.Bench;

/// <summary>
/// The Funding page for one asset, 1 year × all venues, with a full year of simulated hourly history in a real database
/// (SQLite, and PostgreSQL with --postgres; the same seed, so the same rows): the two history reads plus building every
/// chart (history, term structure, realised vs quoted), as on load.
/// </summary>
public static class FundingPageBenchmark
{
    public static async Task RunAsync(bool quick, string? postgres = null)
    {
        await RunAsync(quick, BenchDatabase.Create(null));
        if (postgres is not null) await RunAsync(quick, BenchDatabase.Create(postgres));
    }

    private static async Task RunAsync(bool quick, BenchDatabase database)
    {
        using var db = database;
        var world = new SimulatedWorld(new SimulatorOptions { Seed = 11, BackfillDays = 366, CongestionEveryHours = 0 }, TimeProvider.System);
        var fill = Stopwatch.StartNew();
        var (_, rows) = await SimulatedStart.RunAsync(db, world, 366, m => !quick || m.BaseAsset is "BTC" or "ETH");
        Console.WriteLine();
        Console.WriteLine($"Funding page on {db.Engine}, 1 year × all venues ({(quick ? "BTC and ETH" : "every market")} backfilled: {rows:N0} rows in {fill.Elapsed.TotalSeconds:0.0} s, {(db.Factory.Dialect.IsPostgres ? "database" : "file")} {db.SizeBytes / 1024d / 1024:0} MiB)");

        var queries = new HistoryQueries(db.Factory);
        var names = world.Venues.ToDictionary(v => v.Info.Id, v => v.Info.Name);
        var state = ViewState.Default with { Asset = "BTC", Range = TimeRange.Presets.Single(r => r.Token == "1y") };
        var timings = new List<double>();
        var readMs = new List<double>();
        var points = 0;
        for (var i = 0; i < (quick ? 5 : 10); i++)
        {
            var sw = Stopwatch.StartNew();
            var now = DateTimeOffset.UtcNow;
            var (from, to) = state.Range.Resolve(now);
            var settled = await queries.GetFundingAsync("BTC", FundingKind.Settled, from.ToUnixTimeMilliseconds() - TermStructure.Windows[^1].Milliseconds, to.ToUnixTimeMilliseconds(), default);
            var quoted = await queries.GetFundingAsync("BTC", FundingKind.Quoted, from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds(), default);
            readMs.Add(sw.Elapsed.TotalMilliseconds);
            var model = FundingPageModel.Build("BTC", state, settled, quoted, names, from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds());
            timings.Add(sw.Elapsed.TotalMilliseconds);
            points = model.History.Sum(s => s.Data.Count) + model.Slippage.Sum(s => s.Data.Count);
            if (i == 0) Console.WriteLine($"  rows read: {settled.Count:N0} settled + {quoted.Count:N0} quoted from {settled.Select(p => p.Venue).Distinct().Count()} venues; points sent to the browser: {points:N0} (≤ 2,000 per series)");
        }
        Console.WriteLine($"  {db.Engine} reads {Stats.Summary(readMs)}");
        Console.WriteLine($"  reads + all charts {Stats.Summary(timings)}  (budget: under 1 s)");
    }
}
