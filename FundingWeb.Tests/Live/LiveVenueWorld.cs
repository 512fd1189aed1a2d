using System.Text.Json;
using Dapper;
using FundingWeb.Core.Venues;
using FundingWeb.Polling;
using FundingWeb.Tests.Fixtures;
using FundingWeb.Tests.Fixtures.Venues;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FundingWeb.Tests.Live;

/// <summary>
/// One loopback server speaking all six venues' APIs from the recorded fixtures, and the real app in Live mode with
/// every venue's base URL pointed at it: the production composition root, only the network is replaced.
/// </summary>
public sealed class LiveVenueWorld : IAsyncDisposable
{
    /// <summary>Path prefix of each venue on the loopback server (also the prefix faults are switched on).</summary>
    public static IReadOnlyDictionary<string, string> Prefixes { get; } = VenueIds.All.ToDictionary(id => id, id => "/" + id);

    /// <summary>
    /// History depth per venue, chosen so the backfill has to page: Aevo answers ≤ 50 hourly rows a call (3 days = 72),
    /// dYdX ≤ 100 (5 days = 120), Paradex ≤ 1000 five-minute samples ≈ 83 h (4 days = 96 hours).
    /// </summary>
    public static IReadOnlyDictionary<string, int> BackfillDays { get; } = new Dictionary<string, int>
    {
        [VenueIds.Hyperliquid] = 2, [VenueIds.Dydx] = 5, [VenueIds.Paradex] = 4,
        [VenueIds.Lighter] = 2, [VenueIds.Aevo] = 3, [VenueIds.Gmx] = 2,
    };

    private readonly HttpClient _http;

    private LiveVenueWorld(LoopbackVenueServer venues, FundingWebServer app)
    {
        Venues = venues;
        App = app;
        _http = new HttpClient { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromSeconds(10) };
    }

    public LoopbackVenueServer Venues { get; }
    public FundingWebServer App { get; }

    /// <param name="extraArgs">More command-line overrides, after the defaults (so they win).</param>
    public static Task<LiveVenueWorld> StartAsync(params string[] extraArgs) => StartAsync(null, extraArgs);

    /// <param name="configure">The app builder seam (services a test adds before the app is built).</param>
    /// <param name="extraArgs">More command-line overrides, after the defaults (so they win).</param>
    public static async Task<LiveVenueWorld> StartAsync(Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? configure, params string[] extraArgs)
    {
        var venues = await LoopbackVenueServer.StartAsync();
        HyperliquidReplay.Map(venues, Prefixes[VenueIds.Hyperliquid]);
        DydxReplay.Map(venues, Prefixes[VenueIds.Dydx]);
        ParadexReplay.Map(venues, Prefixes[VenueIds.Paradex]);
        LighterReplay.Map(venues, Prefixes[VenueIds.Lighter]);
        AevoReplay.Map(venues, Prefixes[VenueIds.Aevo]);
        GmxReplay.Map(venues, Prefixes[VenueIds.Gmx]);

        var args = new List<string> { "--Feed:Mode=Live" };
        foreach (var id in VenueIds.All)
        {
            // Paradex's base URL carries the API version, like https://api.prod.paradex.trade/v1.
            var baseUrl = venues.BaseUrl + Prefixes[id] + (id == VenueIds.Paradex ? "/v1" : "");
            args.Add($"--Venues:{id}:BaseUrl={baseUrl}");
            args.Add($"--Venues:{id}:PollInterval=00:00:01");
            args.Add($"--Venues:{id}:RequestsPerMinute=6000");
            args.Add($"--Venues:{id}:BackfillDays={BackfillDays[id]}");
        }
        args.AddRange(extraArgs);
        try
        {
            return new LiveVenueWorld(venues, await FundingWebServer.StartAsync([.. args], configure));
        }
        catch
        {
            await venues.DisposeAsync();
            throw;
        }
    }

    public PollingSupervisor Supervisor => App.Services.GetServices<IHostedService>().OfType<PollingSupervisor>().Single();

    /// <summary><c>GET /healthz</c> whatever its status code (503 is a valid answer when every venue is stale).</summary>
    public async Task<HealthSnapshot> HealthAsync()
    {
        using var response = await _http.GetAsync("/healthz");
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return new HealthSnapshot(
            json.GetProperty("status").GetString()!,
            json.GetProperty("feed").GetString()!,
            json.GetProperty("venues").EnumerateArray().ToDictionary(
                v => v.GetProperty("venue").GetString()!,
                v => new VenueHealth(
                    v.GetProperty("stale").GetBoolean(),
                    v.GetProperty("lastSuccess").ValueKind == JsonValueKind.String ? DateTimeOffset.Parse(v.GetProperty("lastSuccess").GetString()!) : null,
                    v.GetProperty("staleReason").GetString(),
                    v.GetProperty("lastError").GetString(),
                    v.GetProperty("state").GetString()!,
                    v.GetProperty("reason").GetString())));
    }

    public async Task<bool> AllFreshAsync()
    {
        var health = await HealthAsync();
        return health.Venues.Count == VenueIds.All.Count && health.Venues.Values.All(v => v.State == "fresh");
    }

    public T Scalar<T>(string sql, object? parameters = null)
    {
        using var connection = new SqliteConnection($"Data Source={App.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection.ExecuteScalar<T>(sql, parameters)!;
    }

    public List<T> Query<T>(string sql, object? parameters = null)
    {
        using var connection = new SqliteConnection($"Data Source={App.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection.Query<T>(sql, parameters).ToList();
    }

    public long QuotedRows(string venue) => Scalar<long>("SELECT COUNT(*) FROM funding WHERE venue = @venue AND kind = 0", new { venue });

    /// <summary>Every venue poller is still running: nothing escaped its loop (a thrown exception would complete the task).</summary>
    public void AssertPollersRunning()
    {
        var pollers = Supervisor.Pollers;
        Xunit.Assert.Equal(VenueIds.All.Count, pollers.Count);
        Xunit.Assert.All(pollers, p =>
        {
            Xunit.Assert.NotNull(p.ExecuteTask);
            Xunit.Assert.False(p.ExecuteTask!.IsCompleted, $"{p.Status.Venue} poller stopped: {p.ExecuteTask.Status} {p.ExecuteTask.Exception?.GetBaseException().Message}");
        });
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await App.DisposeAsync();
        await Venues.DisposeAsync();
    }
}

public sealed record HealthSnapshot(string Status, string Feed, IReadOnlyDictionary<string, VenueHealth> Venues);

/// <param name="State">fresh, degraded or stale, with <paramref name="Reason"/> when not fresh.</param>
public sealed record VenueHealth(bool Stale, DateTimeOffset? LastSuccess, string? StaleReason, string? LastError, string State, string? Reason);
