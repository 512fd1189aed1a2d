using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FundingWeb.Tests.Fixtures;

/// <summary>How the loopback venue misbehaves for the next requests.</summary>
public enum VenueFault
{
    None,
    /// <summary>Never answers within any sane timeout.</summary>
    Timeout,
    /// <summary>429 with Retry-After (seconds) and Aevo's X-RETRY-AFTER (nanoseconds).</summary>
    RateLimited,
    ServerError,
    MalformedJson,
}

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, port 0) that answers like a venue from recorded payloads.
/// Routes are matched on method + path; handlers see the request (query, body) so pagination can be replayed.
/// Faults are switched per venue prefix at run time.
/// </summary>
public sealed class LoopbackVenueServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task<string?>>> _routes = new();
    private readonly ConcurrentDictionary<string, VenueFault> _faults = new();
    private readonly ConcurrentDictionary<string, int> _hits = new();

    private LoopbackVenueServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public static async Task<LoopbackVenueServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackVenueServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.TrimEnd('/');
        return server;
    }

    /// <summary>Answer <paramref name="method"/> <paramref name="path"/> with the handler's JSON (null → 404).</summary>
    public void Map(string method, string path, Func<HttpContext, Task<string?>> handler) => _routes[Key(method, path)] = handler;

    public void MapJson(string method, string path, string json) => Map(method, path, _ => Task.FromResult<string?>(json));

    /// <summary>Faults apply to every path that starts with <paramref name="pathPrefix"/>.</summary>
    public void SetFault(string pathPrefix, VenueFault fault) => _faults[pathPrefix] = fault;

    public int Hits(string method, string path) => _hits.TryGetValue(Key(method, path), out var n) ? n : 0;

    private static string Key(string method, string path) => method.ToUpperInvariant() + " " + path;

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var key = Key(context.Request.Method, path);
        _hits.AddOrUpdate(key, 1, (_, n) => n + 1);
        var fault = _faults.Where(f => path.StartsWith(f.Key, StringComparison.Ordinal)).Select(f => f.Value).FirstOrDefault(f => f != VenueFault.None);
        switch (fault)
        {
            case VenueFault.Timeout:
                try { await Task.Delay(TimeSpan.FromSeconds(60), context.RequestAborted); } catch (OperationCanceledException) { }
                return;
            case VenueFault.RateLimited:
                context.Response.StatusCode = 429;
                context.Response.Headers["Retry-After"] = "1";
                context.Response.Headers["X-RETRY-AFTER"] = "1000000000";
                await context.Response.WriteAsync("{\"error\":\"RATE_LIMIT_EXCEEDED\",\"retry_after\":\"1000000000\"}");
                return;
            case VenueFault.ServerError:
                context.Response.StatusCode = 500;
                await context.Response.WriteAsync("internal error");
                return;
            case VenueFault.MalformedJson:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("{\"truncated\": [1, 2,");
                return;
        }
        if (!_routes.TryGetValue(key, out var handler) || await handler(context) is not { } json)
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync("{\"error\":\"not found\"}");
            return;
        }
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
