using FundingWeb.Bench;

// Measures and prints; never asserts. Run: dotnet run -c Release --project FundingWeb.Bench [-- --quick] [--no-browser]
// [--browser-only [--page funding|open-interest|liquidations|overview]] [--freshness-only [--tabs 10,50] [--page overview|funding]]
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
    await BrowserBenchmark.RunAsync(quick, page);
    return;
}
if (args.Contains("--freshness-only"))
{
    // --tabs 10,50 narrows the run.
    var tabsAt = Array.IndexOf(args, "--tabs");
    int[]? tabs = tabsAt >= 0 && tabsAt + 1 < args.Length ? [.. args[tabsAt + 1].Split(',').Select(int.Parse)] : null;
    await FreshnessBenchmark.RunAsync(quick, tabs, page);
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
