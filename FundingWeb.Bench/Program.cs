using FundingWeb.Bench;

// Measures and prints; never asserts. Run: dotnet run -c Release --project FundingWeb.Bench [-- --quick]
var quick = args.Contains("--quick");
Console.WriteLine($"FundingWeb benchmarks · {Environment.ProcessorCount} cores · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC{(quick ? " · quick" : "")}");
await IngestBenchmark.RunAsync(quick);
await PublishLatencyBenchmark.RunAsync(quick);
await FundingPageBenchmark.RunAsync(quick);
await AlertsAndCarryBenchmark.RunAsync(quick);
