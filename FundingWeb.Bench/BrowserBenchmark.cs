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
/// loopback with a year of simulated history, one page per run. Per live tick, from a trace of the renderer's main thread
/// (BrowserTrace): the main thread's time from one tick to the next, the tick's own task, the longest task, and the bytes
/// the circuit carried; and the time from navigation to the first drawn 1-year chart. Budgets (the stack issue): at 12
/// series × 2,000 points, p99 main-thread per tick ≤ 16 ms, no task over 50 ms during ticks, ≤ 4 KiB per tick per chart.
/// </summary>
public static class BrowserBenchmark
{
    private const string Chromium = "/usr/bin/chromium";

    /// <summary>The pages measured, by the name <c>--page</c> picks them with (the URL's first segment; "overview" for /).</summary>
    private static IReadOnlyList<(string Page, string Path, string Label, string? Chart, string TickSelector)> Pages(bool quick)
    {
        var longRange = quick ? "30d" : "1y";
        return
        [
            ("funding", $"/funding?asset=BTC&range={longRange}", $"Funding, BTC, all venues, {longRange}", "chart-funding-history", "[data-testid=chart-funding-history]"),
            ("open-interest", "/open-interest?asset=BTC&range=7d", "Open interest, BTC, 7d", "chart-oi-stack", "[data-testid=chart-oi-stack]"),
            ("open-interest", $"/open-interest?asset=BTC&range={longRange}", $"Open interest, BTC, {longRange}", "chart-oi-stack", "[data-testid=chart-oi-stack]"),
            ("liquidations", "/liquidations?asset=BTC&range=7d", "Liquidations, BTC, all venues", "chart-liquidation-ladder", "[data-testid=ladder-price]"),
            ("overview", "/?basis=apr", "Overview", null, "[data-testid=as-of]"),
        ];
    }

    /// <param name="only">One page's name (see <see cref="Pages"/>), or null for all of them.</param>
    /// <param name="settle">How long each page stays open after its first draw before it is measured.</param>
    public static async Task RunAsync(bool quick, string? only = null, TimeSpan settle = default)
    {
        Console.WriteLine();
        var pages = Pages(quick).Where(p => only is null || string.Equals(p.Page, only, StringComparison.OrdinalIgnoreCase)).ToList();
        if (pages.Count == 0)
        {
            Console.WriteLine($"Browser benchmark: no page named '{only}'; pick one of {string.Join(", ", Pages(quick).Select(p => p.Page).Distinct())}");
            return;
        }
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
            // The simulated world moves in 5 s steps: ten times real speed gives a new step every half second, so every
            // page (which pushes each poll as it lands) has something new twice a second per venue, as a busy venue would.
            "--Feed:Simulator:PollInterval=00:00:00.500", "--Feed:Simulator:Acceleration=10", "--Feed:Simulator:CongestionEveryHours=0", "--Storage:RawInterval=00:00:00",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await using var app = FundingWebApp.Build(builder);
        await app.StartAsync();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        await WaitForHistoryAsync(Path.Combine(directory, "bench.db"), days);
        var quietIn = await WaitForQuietAsync();
        Console.WriteLine($"Browser benchmark (Debian chromium, headless; app on loopback with {days} days of simulated history, ready in {start.Elapsed.TotalSeconds:0} s"
            + $"{(quietIn is { } q ? $", the rest of the backfill done {q.TotalSeconds:0} s later" : ", still backfilling after 10 min")})");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        });
        var seconds = quick ? 15 : 45;
        foreach (var (_, path, label, chart, tickSelector) in pages)
        {
            await MeasureAsync(browser, baseUrl + path, label, chart, tickSelector, seconds, settle);
        }
        await app.StopAsync();
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }

    /// <summary>
    /// The app is in-process: once its CPU over 2 s falls under half a core, the simulator's backfill of the other assets
    /// is over and only live polling runs (a backfilling server starves the page's ticks and the browser of the 2 cores).
    /// Null when that does not happen within 10 minutes.
    /// </summary>
    internal static async Task<TimeSpan?> WaitForQuietAsync()
    {
        var waited = Stopwatch.StartNew();
        using var process = Process.GetCurrentProcess();
        while (waited.Elapsed < TimeSpan.FromMinutes(10))
        {
            process.Refresh();
            var (cpu, wall) = (process.TotalProcessorTime, Stopwatch.GetTimestamp());
            await Task.Delay(2000);
            process.Refresh();
            var share = (process.TotalProcessorTime - cpu).TotalSeconds / Stopwatch.GetElapsedTime(wall).TotalSeconds;
            if (share < 0.5) return waited.Elapsed;
        }
        return null;
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

    /// <param name="tickSelector">What a tick changes on the page (an attribute or text under it): where the tick is marked.</param>
    private static async Task MeasureAsync(IBrowser browser, string url, string label, string? chartTestId, string tickSelector, int seconds, TimeSpan settle)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 1000 } });
        var page = await context.NewPageAsync();
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        var trace = new BrowserTrace();
        var tracing = false;
        cdp.Event("Network.webSocketFrameReceived").OnEvent += (_, e) =>
        {
            if (tracing && e is { } json && json.TryGetProperty("response", out var r) && r.TryGetProperty("payloadData", out var p) && json.TryGetProperty("timestamp", out var ts))
            {
                trace.Frame(ts.GetDouble(), FrameBytes(r, p.GetString() ?? ""));
            }
        };
        cdp.Event("Tracing.dataCollected").OnEvent += (_, e) =>
        {
            if (e is { } json && json.TryGetProperty("value", out var events)) trace.Add(events);
        };
        var complete = new TaskCompletionSource();
        cdp.Event("Tracing.tracingComplete").OnEvent += (_, _) => complete.TrySetResult();
        // A tick is marked inside the task that applied it: the observer's callback runs at the end of that task.
        await page.AddInitScriptAsync($$"""
            window.__fwMarkTicks = (selector) => {
              const target = document.querySelector(selector);
              let queued = false;
              new MutationObserver(() => { if (!queued) { queued = true; console.timeStamp('{{BrowserTrace.Mark}}'); queueMicrotask(() => { queued = false; }); } })
                .observe(target, { attributes: true, attributeFilter: ['data-updates'], childList: true, subtree: true, characterData: true });
            };
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
        var describe = chartTestId is null ? "null" : $"document.querySelector('[data-testid={chartTestId}]').__fwChart.describe()";
        var points = chartTestId is null ? 0 : await page.EvaluateAsync<int>($"() => {describe}.points");
        var series = chartTestId is null ? 0 : await page.EvaluateAsync<int>($"() => {describe}.seriesNames.length");
        var folds = chartTestId is null ? 0 : await page.EvaluateAsync<int>($"() => {describe}.folds");
        await page.WaitForSelectorAsync(tickSelector);
        await page.EvaluateAsync($"() => window.__fwMarkTicks('{tickSelector}')");

        if (settle > TimeSpan.Zero) await Task.Delay(settle);
        // Nothing else runs on the page while it ticks: the trace is the page's own work.
        await cdp.SendAsync("Tracing.start", new Dictionary<string, object>
        {
            ["traceConfig"] = new Dictionary<string, object> { ["includedCategories"] = BrowserTrace.Categories },
            ["transferMode"] = "ReportEvents",
        });
        tracing = true;
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        tracing = false;
        await cdp.SendAsync("Tracing.end");
        await complete.Task.WaitAsync(TimeSpan.FromMinutes(2));
        var figures = trace.Figures();
        var foldsAfter = chartTestId is null ? 0 : await page.EvaluateAsync<int>($"() => {describe}.folds");

        Console.WriteLine($"  {label}: {(chartTestId is null ? "no chart" : $"{series} series, {points:N0} points")}{(firstChartMs is { } f ? $", first chart drawn {f:0} ms after navigation" : "")}{(settle > TimeSpan.Zero ? $"; measured after {settle.TotalSeconds:0} s open" : "")}");
        Console.WriteLine($"    ticks: {figures.Ticks} in {seconds} s{(chartTestId is null ? "" : $" ({foldsAfter - folds} full redraws of the chart)")}");
        Console.WriteLine($"    main thread per tick (all tasks from one tick to the next): {Summary(figures.BusyMs)}");
        Console.WriteLine($"    the tick's own task: {Summary(figures.TickTaskMs)}");
        Console.WriteLine($"    longest task while ticking: {figures.LongestTaskMs:0.0} ms; tasks over 50 ms: {figures.LongTasks}");
        Console.WriteLine($"    circuit bytes per tick (WebSocket frames received): p50 {Stats.Percentile(figures.Bytes, 50) / 1024:0.00} KiB · p99 {Stats.Percentile(figures.Bytes, 99) / 1024:0.00} KiB");
        Console.WriteLine($"    worst tick: {figures.Worst}");
        Console.WriteLine($"    main thread by event (self ms per tick): {figures.SelfTimes}");
        await context.CloseAsync();
    }

    /// <summary>
    /// The bytes a frame carried. CDP hands binary frames (Blazor's circuit speaks MessagePack) as base64, which is a third
    /// longer than what travelled, and text frames as characters, not UTF-8 bytes.
    /// </summary>
    private static int FrameBytes(JsonElement response, string payload)
    {
        var binary = response.TryGetProperty("opcode", out var opcode) && opcode.GetDouble() == 2;
        if (!binary) return System.Text.Encoding.UTF8.GetByteCount(payload);
        var padding = payload.EndsWith("==", StringComparison.Ordinal) ? 2 : payload.EndsWith('=') ? 1 : 0;
        return payload.Length / 4 * 3 - padding;
    }

    private static string Summary(IReadOnlyList<double> ms) => ms.Count == 0 ? "no ticks" : $"p50 {Stats.Percentile(ms, 50):0.0} ms · p99 {Stats.Percentile(ms, 99):0.0} ms · max {ms.Max():0.0} ms";
}
