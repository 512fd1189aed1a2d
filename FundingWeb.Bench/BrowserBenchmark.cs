using System.Diagnostics;
using System.Text.Json;
using FundingWeb.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FundingWeb.Bench;

/// <summary>
/// The browser's side of a live page, measured in Debian chromium through the Chrome DevTools Protocol: the real app on
/// loopback with a year of simulated history, one page per run. Per live tick: main-thread time (CDP TaskDuration between
/// ticks), the longest task (a long-task observer), and the bytes the circuit carried (WebSocket frames); and the time
/// from navigation to the first drawn 1-year chart. Budgets (the stack issue): at 12 series × 2,000 points, p99 main-thread
/// per tick ≤ 16 ms, no task over 50 ms during ticks, ≤ 4 KiB per tick per chart.
/// </summary>
public static class BrowserBenchmark
{
    private const string Chromium = "/usr/bin/chromium";

    public static async Task RunAsync(bool quick)
    {
        Console.WriteLine();
        if (!File.Exists(Chromium))
        {
            Console.WriteLine($"Browser benchmark: skipped, no chromium at {Chromium} (apt-get install chromium)");
            return;
        }
        var days = quick ? 30 : 366;
        var directory = Path.Combine(Path.GetTempPath(), "fundingweb-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var start = Stopwatch.StartNew();
        var builder = FundingWebApp.CreateBuilder(
        [
            "--urls=http://127.0.0.1:0", $"--Storage:Path={Path.Combine(directory, "bench.db")}", $"--Feed:Simulator:BackfillDays={days}",
            "--Feed:Simulator:PollInterval=00:00:00.500", "--Feed:Simulator:CongestionEveryHours=0", "--Storage:RawInterval=00:00:00",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await using var app = FundingWebApp.Build(builder);
        await app.StartAsync();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        await WaitForHistoryAsync(Path.Combine(directory, "bench.db"), days);
        Console.WriteLine($"Browser benchmark (Debian chromium, headless; app on loopback with {days} days of simulated history, ready in {start.Elapsed.TotalSeconds:0} s)");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        });
        var seconds = quick ? 15 : 45;
        await MeasureAsync(browser, baseUrl + $"/funding?asset=BTC&range={(quick ? "30d" : "1y")}", "Funding, BTC, all venues", "chart-funding-history", seconds);
        await MeasureAsync(browser, baseUrl + "/?basis=apr", "Overview", null, seconds);
        await MeasureAsync(browser, baseUrl + "/open-interest?asset=BTC&range=7d", "Open interest, BTC, 7d", "chart-oi-stack", seconds);
        await app.StopAsync();
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }

    /// <summary>The backfill is done when every venue's BTC market holds settled rows from the first day asked for.</summary>
    private static async Task WaitForHistoryAsync(string databasePath, int days)
    {
        var factory = new Core.Storage.SqliteConnectionFactory(databasePath, TimeSpan.FromSeconds(10));
        var floor = DateTimeOffset.UtcNow.AddDays(-days + 1).ToUnixTimeMilliseconds();
        var until = DateTime.UtcNow.AddMinutes(15);
        while (DateTime.UtcNow < until)
        {
            using (var connection = factory.Open())
            {
                var ready = Dapper.SqlMapper.ExecuteScalar<long>(connection,
                    """
                    SELECT COUNT(DISTINCT m.venue) FROM market m
                    WHERE m.base_asset = 'BTC' AND EXISTS (SELECT 1 FROM funding f WHERE f.venue = m.venue AND f.symbol = m.symbol AND f.kind = 1 AND f.ts_ms <= @floor)
                    """, new { floor });
                if (ready >= 6) return;
            }
            await Task.Delay(1000);
        }
    }

    private static async Task MeasureAsync(IBrowser browser, string url, string label, string? chartTestId, int seconds)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 1000 } });
        var page = await context.NewPageAsync();
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Performance.enable");
        await cdp.SendAsync("Network.enable");
        long wsBytes = 0;
        cdp.Event("Network.webSocketFrameReceived").OnEvent += (_, e) =>
        {
            if (e is { } json && json.TryGetProperty("response", out var r) && r.TryGetProperty("payloadData", out var p)) Interlocked.Add(ref wsBytes, p.GetString()?.Length ?? 0);
        };
        await page.AddInitScriptAsync("""
            window.__fwLong = [];
            new PerformanceObserver(l => { for (const e of l.getEntries()) window.__fwLong.push(e.duration); }).observe({ type: 'longtask', buffered: true });
            """);

        var nav = Stopwatch.StartNew();
        await page.GotoAsync(url);
        await page.WaitForSelectorAsync("[data-testid=connection][data-state=live]", new() { Timeout = 120_000 });
        double? firstChartMs = null;
        if (chartTestId is not null)
        {
            await page.WaitForFunctionAsync($"() => (document.querySelector('[data-testid={chartTestId}]')?.__fwChart?.describe()?.points ?? 0) > 0", null, new() { Timeout = 120_000 });
            await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            firstChartMs = nav.Elapsed.TotalMilliseconds;
        }
        var points = chartTestId is null ? 0 : await page.EvaluateAsync<int>($"() => document.querySelector('[data-testid={chartTestId}]').__fwChart.describe().points");
        var series = chartTestId is null ? 0 : await page.EvaluateAsync<int>($"() => document.querySelector('[data-testid={chartTestId}]').__fwChart.describe().seriesNames.length");
        await page.EvaluateAsync("() => { window.__fwLong = []; }");

        // One sample a second: the main thread's busy time since the last sample, the circuit's bytes, the chart's updates.
        var busy = new List<double>();
        var bytesPerTick = new List<double>();
        var lastTask = await TaskDurationAsync(cdp);
        var lastBytes = Interlocked.Read(ref wsBytes);
        var lastUpdates = await UpdatesAsync(page, chartTestId);
        var ticks = 0;
        for (var s = 0; s < seconds; s++)
        {
            await Task.Delay(1000);
            var task = await TaskDurationAsync(cdp);
            var bytes = Interlocked.Read(ref wsBytes);
            var updates = await UpdatesAsync(page, chartTestId);
            var tickCount = chartTestId is null ? 1 : updates - lastUpdates;
            if (tickCount > 0)
            {
                busy.Add((task - lastTask) * 1000 / tickCount);
                bytesPerTick.Add((bytes - lastBytes) / (double)tickCount);
                ticks += tickCount;
            }
            (lastTask, lastBytes, lastUpdates) = (task, bytes, updates);
        }
        var longTasks = await page.EvaluateAsync<double[]>("() => window.__fwLong");
        Console.WriteLine($"  {label}: {series} series, {points:N0} points{(firstChartMs is { } f ? $", first chart drawn {f:0} ms after navigation" : "")}");
        Console.WriteLine($"    main thread per tick: {Summary(busy)} over {ticks} ticks in {seconds} s");
        Console.WriteLine($"    circuit bytes per tick (WebSocket frames received): p50 {Stats.Percentile(bytesPerTick, 50) / 1024:0.00} KiB · p99 {Stats.Percentile(bytesPerTick, 99) / 1024:0.00} KiB");
        Console.WriteLine($"    long tasks (> 50 ms) during ticks: {longTasks.Length}{(longTasks.Length > 0 ? $", longest {longTasks.Max():0} ms" : "")}");
        await context.CloseAsync();
    }

    private static string Summary(List<double> ms) => ms.Count == 0 ? "no ticks" : $"p50 {Stats.Percentile(ms, 50):0.0} ms · p99 {Stats.Percentile(ms, 99):0.0} ms · max {ms.Max():0.0} ms";

    private static async Task<double> TaskDurationAsync(ICDPSession cdp)
    {
        var metrics = await cdp.SendAsync("Performance.getMetrics");
        foreach (var m in metrics!.Value.GetProperty("metrics").EnumerateArray())
        {
            if (m.GetProperty("name").GetString() == "TaskDuration") return m.GetProperty("value").GetDouble();
        }
        return 0;
    }

    private static async Task<int> UpdatesAsync(IPage page, string? chartTestId) =>
        chartTestId is null ? 0 : await page.EvaluateAsync<int>($"() => document.querySelector('[data-testid={chartTestId}]')?.__fwChart?.describe()?.updates ?? 0");
}
