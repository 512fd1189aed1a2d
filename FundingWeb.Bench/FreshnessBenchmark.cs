using System.Diagnostics;
using System.Diagnostics.Metrics;
using FundingWeb.Core.Telemetry;
using FundingWeb.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FundingWeb.Bench;

/// <summary>
/// Freshness at desk scale (the live-path issue): N Chromium tabs on one page, a MutationObserver per tab on the page's
/// <c>data-as-of-ms</c> stamp; end-to-end latency = the tab seeing a new stamp − the stamp (the snapshot's publish time, same
/// machine clock). Server-side: the app's own <c>fundingweb.push.latency</c> (publish → render batch queued, per circuit and per publish),
/// so the browsers' CPU on a 2-core machine does not hide the server's cost. Memory: managed heap after a forced full GC
/// with N tabs open against the heap once they are closed (what the circuits held), and against the heap before they
/// opened. CPU: the app process's CPU time over the window ÷ wall time ÷ cores.
/// Budgets: p99 ≤ 100 ms server-side at 50 circuits, ≤ 150 ms end to end at 10 tabs, ≤ 500 KB managed per circuit.
/// </summary>
public static class FreshnessBenchmark
{
    private const string Chromium = "/usr/bin/chromium";

    public static async Task RunAsync(bool quick, int[]? tabCounts = null, string? only = null, int? tickMs = null)
    {
        Console.WriteLine();
        if (!File.Exists(Chromium))
        {
            Console.WriteLine($"Freshness benchmark: skipped, no chromium at {Chromium}");
            return;
        }
        var directory = Path.Combine(Path.GetTempPath(), "fundingweb-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var builder = FundingWebApp.CreateBuilder(
        [
            "--urls=http://127.0.0.1:0", $"--Storage:Path={Path.Combine(directory, "bench.db")}", "--Feed:Simulator:BackfillDays=3",
            "--Feed:Simulator:PollInterval=00:00:01", "--Feed:Simulator:CongestionEveryHours=0", "--Live:Limits:MaxCircuitsPerClient=200",
            "--Live:Limits:MaxConcurrentLoadsPerClient=8", "--Logging:LogLevel:Default=Warning",
            .. tickMs is { } ms ? [$"--Live:PageTickInterval={TimeSpan.FromMilliseconds(ms):c}"] : Array.Empty<string>(),
        ]);
        await using var app = FundingWebApp.Build(builder);
        await app.StartAsync();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        var circuits = app.Services.GetRequiredService<CircuitMetricsHandler>();
        // The simulator backfills every asset after start: measured meanwhile, the app's CPU (15-25 % instead of ~6 % on
        // 10 Overview tabs) would be the backfill's, and the tabs' tail its competition for the cores.
        var quietIn = await BrowserBenchmark.WaitForQuietAsync();
        var pageTick = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Core.Live.LiveOptions>>().Value.PageTickInterval;
        Console.WriteLine("Freshness at desk scale (Debian chromium, headless; app in this process on loopback, simulator polling every second; "
            + $"pages tick at most every {pageTick.TotalMilliseconds:0} ms; {(quietIn is { } q ? $"measured once the backfill was over, {q.TotalSeconds:0} s after start" : "still backfilling after 10 min")})");

        using var playwright = await Playwright.CreateAsync();
        string[] flags = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-dev-shm-usage", "--disable-renderer-backgrounding", "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows"];
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = flags });
        await using var lowPriority = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = LowPriorityChromium(directory), Headless = true, Args = flags,
        });
        var seconds = quick ? 15 : 40;
        foreach (var (path, label) in new[] { ("/", "Overview"), ("/funding?asset=BTC&range=24h", "Funding, BTC, 24h") })
        {
            if (only is not null && !label.StartsWith(only, StringComparison.OrdinalIgnoreCase)) continue;
            foreach (var tabs in tabCounts ?? (quick ? [10] : [10, 50]))
            {
                // Up to ten tabs run as a desk's browsers would, at normal priority (and on this machine, sharing its cores
                // with the app); past that, at the lowest, so the server-side figure is the app's (see LowPriorityChromium).
                var low = tabs > 10;
                Console.WriteLine($"  {label}, {tabs} tabs, browsers at {(low ? "the lowest" : "normal")} CPU priority:");
                await MeasureAsync(low ? lowPriority : browser, baseUrl + path, tabs, seconds, circuits);
            }
        }
        await app.StopAsync();
        try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
    }

    private static async Task MeasureAsync(IBrowser browser, string url, int tabs, int seconds, CircuitMetricsHandler circuits)
    {
        var before = circuits.Open;
        // One tab opened and closed first: what the page's first use builds once for the process (serializer metadata,
        // the shared heatmap models, the regime and history caches) is not a circuit's cost.
        await WarmUpAsync(browser, url, circuits, before);
        var heap0 = Heap();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await context.AddInitScriptAsync("""
            window.__fwLat = [];
            window.__fwRecv = [];
            // When the circuit's message started running in the page (our listener runs before Blazor's): the stamp's age
            // then is what the server, the network and the wait for the tab's main thread took; the rest is applying it.
            let received = 0;
            const Socket = window.WebSocket;
            window.WebSocket = class extends Socket {
              constructor(...args) { super(...args); this.addEventListener('message', () => { received = Date.now(); }); }
            };
            // The whole document, not the stamp element: the interactive render replaces the prerendered stamp node.
            const watch = () => {
              let last = null;
              new MutationObserver(records => {
                const now = Date.now();
                for (const r of records) {
                  if (r.target.getAttribute?.('data-testid') !== 'as-of') continue;
                  const v = r.target.getAttribute('data-as-of-ms');
                  if (v && v !== last) { last = v; const ms = Number(v); if (ms > 0) { window.__fwLat.push(now - ms); window.__fwRecv.push(received - ms); } }
                }
              }).observe(document.documentElement, { attributes: true, subtree: true, attributeFilter: ['data-as-of-ms'] });
            };
            document.addEventListener('DOMContentLoaded', watch);
            """);
        var pages = new List<IPage>();
        for (var i = 0; i < tabs; i++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(url, new PageGotoOptions { Timeout = 120_000 });
            pages.Add(page);
        }
        foreach (var page in pages)
        {
            await page.WaitForSelectorAsync("[data-testid=connection][data-state=live]", new() { Timeout = 120_000 });
        }
        // Settle: first loads done, every tab ticking.
        await Task.Delay(3000);
        foreach (var page in pages) await page.EvaluateAsync("() => { window.__fwLat = []; window.__fwRecv = []; }");

        var server = new List<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == FundingMetrics.MeterName && instrument.Name == "fundingweb.push.latency") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => { lock (server) server.Add(value); });
        listener.Start();
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var machine0 = MachineCpu.Now();
        var wall = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpu0).TotalMilliseconds / wall.Elapsed.TotalMilliseconds / Environment.ProcessorCount * 100;
        var machine = MachineCpu.Now();
        listener.Dispose();

        var endToEnd = new List<double>();
        var atReceipt = new List<double>();
        foreach (var page in pages)
        {
            endToEnd.AddRange(await page.EvaluateAsync<double[]>("() => window.__fwLat"));
            atReceipt.AddRange(await page.EvaluateAsync<double[]>("() => window.__fwRecv"));
        }
        var heapN = Heap();
        var open = circuits.Open - before;
        List<double> serverCopy;
        lock (server) serverCopy = [.. server];
        Console.WriteLine($"    circuits open: {open}");
        Console.WriteLine($"    end to end (tab sees the stamp − publish): {Summary(endToEnd)}");
        Console.WriteLine($"      of which until the tab began handling the message (server, network, wait for the tab's main thread): {Summary(atReceipt)}");
        Console.WriteLine($"    server-side (publish → render queued, per circuit, every publish): {Summary(serverCopy)}");
        Console.WriteLine($"    app process CPU: {cpu:0} % of {Environment.ProcessorCount} cores");
        if (machine.BusySince(machine0) is { } busy && machine.ChromiumMsSince(machine0) is { } chromium)
        {
            Console.WriteLine($"    machine busy: {busy:0} % of {Environment.ProcessorCount} cores; Chromium (all its processes) "
                + $"{chromium / wall.Elapsed.TotalMilliseconds * 100 / Environment.ProcessorCount:0} %, {chromium / Math.Max(1, endToEnd.Count):0.0} ms of CPU per stamp a tab saw");
        }
        await context.CloseAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (circuits.Open > before && DateTime.UtcNow < deadline) await Task.Delay(200);
        // Two baselines. Against the heap before the tabs opened, the figure also carries what the process grew meanwhile
        // whatever the number of circuits (caches filling, pools, the simulator's own state): that share shrinks as N
        // grows. Against the heap once every tab is closed and its circuit gone, it is what the circuits held and gave back.
        var heapClosed = Heap();
        Console.WriteLine($"    managed heap per circuit: {(heapN - heapClosed) / 1024d / Math.Max(1, open):0} KB released when the tabs closed; " +
            $"{(heapN - heap0) / 1024d / Math.Max(1, open):0} KB against the heap before they opened (heap {heap0 / 1048576d:0.0} → {heapN / 1048576d:0.0} → " +
            $"{heapClosed / 1048576d:0.0} MiB after a full GC; {circuits.Open - before} circuits left open)");

        // A second round on the server the first one warmed (pools grown to N connections, caches filled): against the
        // heap before it opened, what N more circuits cost in steady state.
        var heapWarm = Heap();
        var again = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var second = new List<IPage>();
        for (var i = 0; i < tabs; i++)
        {
            var page = await again.NewPageAsync();
            await page.GotoAsync(url, new PageGotoOptions { Timeout = 120_000 });
            second.Add(page);
        }
        foreach (var page in second) await page.WaitForSelectorAsync("[data-testid=connection][data-state=live]", new() { Timeout = 120_000 });
        await Task.Delay(3000);
        var heapWarmN = Heap();
        var reopened = circuits.Open - before;
        await again.CloseAsync();
        deadline = DateTime.UtcNow.AddSeconds(30);
        while (circuits.Open > before && DateTime.UtcNow < deadline) await Task.Delay(200);
        Console.WriteLine($"    second round, warmed server: {(heapWarmN - heapWarm) / 1024d / Math.Max(1, reopened):0} KB per circuit against the heap before it opened " +
            $"(heap {heapWarm / 1048576d:0.0} → {heapWarmN / 1048576d:0.0} MiB; {reopened} circuits)");
    }

    private static async Task WarmUpAsync(IBrowser browser, string url, CircuitMetricsHandler circuits, int before)
    {
        var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(url, new PageGotoOptions { Timeout = 120_000 });
        await page.WaitForSelectorAsync("[data-testid=connection][data-state=live]", new() { Timeout = 120_000 });
        await context.CloseAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (circuits.Open > before && DateTime.UtcNow < deadline) await Task.Delay(200);
    }

    /// <summary>
    /// Fifty tabs' browsers run at the lowest CPU priority, so on a 2-core machine their renderers take only what the app
    /// leaves and the server-side figure is the app's own latency, not its wait for a core (a desk's fifty tabs run on the
    /// desk's machines, not on the server). Playwright starts the browser in a
    /// session of its own, and with the kernel's autogroup scheduling a nice value counts only inside a session: the
    /// wrapper lowers its session's group too (an unprivileged process may always lower its own priority).
    /// </summary>
    private static string LowPriorityChromium(string directory)
    {
        if (OperatingSystem.IsWindows()) return Chromium;
        var wrapper = Path.Combine(directory, "chromium-low-priority.sh");
        File.WriteAllText(wrapper, $"""
            #!/bin/sh
            [ -w /proc/self/autogroup ] && echo 19 > /proc/self/autogroup 2>/dev/null
            exec nice -n 19 {Chromium} "$@"

            """);
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return wrapper;
    }

    private static long Heap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static string Summary(List<double> ms) => ms.Count == 0
        ? "no samples"
        : $"p50 {Stats.Percentile(ms, 50):0} ms · p99 {Stats.Percentile(ms, 99):0} ms · max {ms.Max():0} ms (n={ms.Count})";
}
