using FundingWeb.Bench;

// Measures and prints; never asserts. Run: dotnet run -c Release --project FundingWeb.Bench [-- --quick] [--no-browser] [--browser-only] [--freshness-only]
var quick = args.Contains("--quick");
Console.WriteLine($"FundingWeb benchmarks · {Environment.ProcessorCount} cores · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC{(quick ? " · quick" : "")}");
if (args.Contains("--browser-only"))
{
    await BrowserBenchmark.RunAsync(quick);
    return;
}
if (args.Contains("--freshness-only"))
{
    await FreshnessBenchmark.RunAsync(quick);
    return;
}
await IngestBenchmark.RunAsync(quick);
await PublishLatencyBenchmark.RunAsync(quick);
await FundingPageBenchmark.RunAsync(quick);
await AlertsAndCarryBenchmark.RunAsync(quick);
if (!args.Contains("--no-browser"))
{
    await BrowserBenchmark.RunAsync(quick);
    await FreshnessBenchmark.RunAsync(quick);
}
