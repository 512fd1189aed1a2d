using System.Diagnostics;
using System.Net;
using System.Text;
using FundingWeb.Core.Live;
using FundingWeb.Core.Sharing;
using FundingWeb.Tests.Fixtures;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;

namespace FundingWeb.Tests.Hosting;

/// <summary>
/// Seeded hostile requests to every route the app maps (read from its EndpointDataSource, so a new page or endpoint is
/// in here the day it is added), against one real app on loopback. Pass: no 5xx, no exception text or stack frame in
/// any body, and the process's memory after the run within a fixed margin of before (one request that allocates in
/// proportion to a number in its URL shows up as a jump in the peak).
/// </summary>
[Trait("Category", "Slow")]
public sealed class HttpFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20261201;
    private const int Requests = 3000;
    private const long HeapMargin = 256L << 20;
    private const long PeakMargin = 1L << 30;

    [Fact]
    public async Task EveryRoute_HostileValues_NoServerErrorNoExceptionTextMemoryBounded()
    {
        await using var server = await FundingWebServer.StartAsync(
            ["--Sharing:PerClientPermits=1000000", "--Sharing:PerTokenPermits=1000000", "--Logging:LogLevel:Microsoft.AspNetCore=Error"]);
        var routes = Routes(server.Services);
        Assert.Contains(routes, r => r.Pattern == "/funding");
        Assert.Contains(routes, r => r.Pattern == "/api/funding");
        Assert.Contains(routes, r => r.Pattern == "/s/{Token}");
        Assert.Contains(routes, r => r.Pattern == "/theme" && r.Methods.Contains("GET"));
        Assert.Contains(routes, r => r.Pattern == "/signin" && r.Methods.Contains("POST"));
        var share = await server.Services.GetRequiredService<ShareLinkService>().CreateAsync(
            new ShareScope("/funding", "BTC", [], "custom", DateTimeOffset.MinValue.ToUnixTimeMilliseconds(), DateTimeOffset.MaxValue.ToUnixTimeMilliseconds(), "apr"),
            "fuzz", "fuzz", null, default);
        var hub = server.Services.GetRequiredService<MarketHub>();
        await Eventually.TrueAsync(() => hub.Current.Venues.Count >= 6, TimeSpan.FromSeconds(60), "every simulated venue publishing");

        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = new Uri(server.BaseUrl),
            // Not an assertion on duration: a request that never ends must end the run, not hang it.
            Timeout = TimeSpan.FromMinutes(2),
        };
        var generator = new HostileRequests(new Random(Seed), server.BaseUrl, routes, share.Token);
        // Warm-up: every route once, so first-use costs (JIT, caches, pools) are in the baseline, not counted as growth.
        foreach (var route in routes) (await SendAsync(http, generator.Plain(route))).Dispose();

        var (heapBefore, peakBefore) = Memory();
        var failures = new List<string>();
        var statuses = new Dictionary<int, int>();
        var requests = Enumerable.Range(0, Requests).Select(_ => generator.Next()).ToList();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (request, _) =>
        {
            var (method, url) = (request.Method, request.RequestUri!.OriginalString);
            using var response = await SendAsync(http, request);
            var body = await response.Content.ReadAsStringAsync();
            lock (failures)
            {
                statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
                if ((int)response.StatusCode >= 500) failures.Add($"{(int)response.StatusCode} {method} {Cut(url)}");
                else if (LeaksException(body)) failures.Add($"exception text in {(int)response.StatusCode} {method} {Cut(url)}: {Cut(body)}");
            }
        });
        var (heapAfter, peakAfter) = Memory();

        output.WriteLine($"{Requests} requests over {routes.Count} routes; statuses {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");
        output.WriteLine($"heap {heapBefore >> 20} → {heapAfter >> 20} MiB; peak working set {peakBefore >> 20} → {peakAfter >> 20} MiB");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
        Assert.True(heapAfter - heapBefore < HeapMargin, $"managed heap grew {(heapAfter - heapBefore) >> 20} MiB");
        Assert.True(peakAfter - peakBefore < PeakMargin, $"peak working set grew {(peakAfter - peakBefore) >> 20} MiB");
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request) =>
        await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);

    /// <summary>Every routed endpoint but the static files (those are files, not code that reads a query).</summary>
    private static List<HostileRequests.Route> Routes(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            .Select(e => new HostileRequests.Route(
                "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'),
                e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.ToArray() is { Length: > 0 } methods ? methods : ["GET", "POST"]))
            .DistinctBy(r => r.Pattern + string.Join(",", r.Methods))
            .ToList();

    private static (long Heap, long Peak) Memory()
    {
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return (heap, process.PeakWorkingSet64);
    }

    // What the developer exception page, a stack trace or an exception's message looks like in a body.
    private static bool LeaksException(string body) =>
        body.Contains("Exception", StringComparison.Ordinal) || body.Contains(".cs:line", StringComparison.Ordinal)
        || body.Contains("   at ", StringComparison.Ordinal) || body.Contains("StackTrace", StringComparison.OrdinalIgnoreCase);

    private static string Cut(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
