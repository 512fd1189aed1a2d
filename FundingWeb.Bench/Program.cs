using FundingWeb.Bench;

// Measures and prints; never asserts. Run: dotnet run -c Release --project FundingWeb.Bench [-- --quick] [--no-browser]
// [--browser-only [--page funding|open-interest|liquidations|overview] [--settle S]] [--freshness-only [--tabs 10,50] [--page overview|funding] [--tick MS]]
// [--postgres "Host=…;Username=…;Database=postgres"] (ingest and the Funding page also on PostgreSQL: a scratch database
// is created there and dropped; scripts/bench-postgres.sh starts a throwaway server for it) [--storage-only] [--ingest-only].
var quick = args.Contains("--quick");
var postgresAt = Array.IndexOf(args, "--postgres");
var postgres = postgresAt >= 0 && postgresAt + 1 < args.Length ? args[postgresAt + 1] : null;
// --page narrows --browser-only and --freshness-only to one page.
var pageAt = Array.IndexOf(args, "--page");
var page = pageAt >= 0 && pageAt + 1 < args.Length ? args[pageAt + 1] : null;
Console.WriteLine($"FundingWeb benchmarks · {Environment.ProcessorCount} cores · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC{(quick ? " · quick" : "")}");
if (args.Contains("--browser-only"))
{
    // --settle S: each page is left open S seconds after its first draw before it is measured (0: measured at once, so the
    // garbage collections that follow its load count).
    var settleAt = Array.IndexOf(args, "--settle");
    var settle = 0;
    if (settleAt >= 0 && (settleAt + 1 >= args.Length || !int.TryParse(args[settleAt + 1], out settle) || settle < 0 || settle > 3600))
    {
        Console.WriteLine("--settle takes a number of seconds from 0 to 3600");
        return;
    }
    await BrowserBenchmark.RunAsync(quick, page, TimeSpan.FromSeconds(settle));
    return;
}
if (args.Contains("--freshness-only"))
{
    // --tabs 10,50 narrows the run.
    var tabsAt = Array.IndexOf(args, "--tabs");
    int[]? tabs = tabsAt >= 0 && tabsAt + 1 < args.Length ? [.. args[tabsAt + 1].Split(',').Select(int.Parse)] : null;
    // --tick MS: the pages' Live:PageTickInterval for this run (default: the app's).
    var tickAt = Array.IndexOf(args, "--tick");
    int? tick = null;
    if (tickAt >= 0)
    {
        if (tickAt + 1 >= args.Length || !int.TryParse(args[tickAt + 1], out var ms) || ms < 0 || ms > 10_000)
        {
            Console.WriteLine("--tick takes milliseconds from 0 to 10000");
            return;
        }
        tick = ms;
    }
    await FreshnessBenchmark.RunAsync(quick, tabs, page, tick);
    return;
}
if (args.Contains("--storage-only") || args.Contains("--ingest-only"))
{
    await IngestBenchmark.RunAsync(quick, postgres);
    if (args.Contains("--ingest-only")) return;
    await FundingPageBenchmark.RunAsync(quick, postgres);
    return;
}
await IngestBenchmark.RunAsync(quick, postgres);
await PublishLatencyBenchmark.RunAsync(quick);
await FundingPageBenchmark.RunAsync(quick, postgres);
await AlertsAndCarryBenchmark.RunAsync(quick);
if (!args.Contains("--no-browser"))
{
    await BrowserBenchmark.RunAsync(quick);
    await FreshnessBenchmark.RunAsync(quick);
}
