using System.Collections.Concurrent;
using Dapper;
using FundingWeb.Core.Alerts;
using FundingWeb.Core.Cluster;
using FundingWeb.Core.Storage;
using FundingWeb.Tests.Fixtures;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace FundingWeb.Tests.Cluster;

/// <summary>
/// The issue's acceptance, end to end with real processes: PostgreSQL (a throwaway cluster), two pollers, two web nodes
/// and nginx on loopback; Chromium through nginx. Live values on pages of both web nodes, a share link made on one
/// opening on the other and its revocation emptying open pages on both, then kill -9 of the leading poller: the standby
/// polls within 15 s, no duplicate rows, no gap in settled history once it has backfilled, no alert transition twice.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Slow")]
public sealed class ScaleOutTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly string[] Venues = ["aevo", "dydx", "gmx", "hyperliquid", "lighter", "paradex"];
    private const long HourMs = 3_600_000;

    [Fact]
    public async Task FourNodesBehindNginx_KillLeadingPoller_StandbyTakesOverAndNothingIsLostOrSentTwice()
    {
        var postgres = await PostgresServer.GetAsync();
        var connectionString = await postgres.CreateDatabaseAsync();
        await using var factory = new PostgresConnectionFactory(connectionString);
        SchemaMigrator.Migrate(factory, "Simulated");

        // The webhook receiver counts every delivery by its Idempotency-Key.
        var received = new ConcurrentDictionary<string, int>();
        await using var receiver = await LoopbackVenueServer.StartAsync();
        receiver.Map("POST", "/hook", context =>
        {
            received.AddOrUpdate(context.Request.Headers[WebhookDispatcher.IdempotencyHeader].ToString(), 1, (_, n) => n + 1);
            return Task.FromResult<string?>("{}");
        });
        var channel = new ClusterChannel(factory, "test");
        var alerts = new AlertRepository(factory, TimeProvider.System, channel);
        // Always true: fires once on the first snapshot with BTC, and must never fire again (not even after a failover).
        await alerts.UpsertRuleAsync(new FundingThresholdRule { Id = "always", Name = "BTC above −10,000 % APR", Asset = "BTC", Threshold = -100, WebhookUrl = receiver.BaseUrl + "/hook" }, default);

        string[] common =
        [
            "--Storage:Provider=Postgres", $"--Storage:ConnectionString={connectionString}", "--Feed:Simulator:PollInterval=00:00:00.500",
            "--Feed:Simulator:CongestionEveryHours=0", "--Storage:RawInterval=00:00:00", "--Alerts:Webhooks:AllowedHosts:0=127.0.0.1",
            "--ForwardedHeaders:Enabled=true", "--Logging:LogLevel:Default=Information", "--Logging:LogLevel:Microsoft.AspNetCore=Warning",
        ];
        string[] poller = [.. common, "--Role=Poller", "--Feed:Simulator:BackfillDays=30"];
        using var leader = await NodeProcess.StartAsync("pa", poller);
        await Eventually.TrueAsync(() => Task.FromResult(Leases(factory).All(l => l.Node == "pa") && Leases(factory).Count == Venues.Length + 1
            && LiveVenues(factory, "pa", 0) == Venues.Length), TimeSpan.FromSeconds(90), "the first poller to lead every venue and alerts and to have polled each");
        using var standby = await NodeProcess.StartAsync("pb", poller);
        // The standby tries every lease and waits (its seven sessions sit on the lock try).
        await Eventually.TrueAsync(() => Task.FromResult(Scalar(factory,
            "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'SELECT pg_try_advisory_lock%'") >= Venues.Length + 1),
            TimeSpan.FromSeconds(60), "the standby to stand by for every lease");
        // The rule fired once, from the first poller.
        await Eventually.TrueAsync(() => received.Keys.Any(k => k.StartsWith("always:fired:", StringComparison.Ordinal)), TimeSpan.FromSeconds(60), "the first webhook");
        // ...and recorded as delivered: a kill between the receiver's answer and that record is the one case the contract
        // sends again (README "Alerts, exactly once per transition": same Idempotency-Key), which is not what this checks.
        await Eventually.TrueAsync(() => Task.FromResult(Scalar(factory, "SELECT COUNT(*) FROM alert_delivery WHERE status = 'delivered'") == 1),
            TimeSpan.FromSeconds(30), "the first webhook recorded as delivered");

        // Killed while its 30-day backfill is still running: the standby must finish it.
        var settledAtKill = Scalar(factory, "SELECT COUNT(*) FROM funding WHERE kind = 1");
        var killedAtMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        leader.Kill9();
        await Eventually.TrueAsync(() => Task.FromResult(Leases(factory).Count(l => l.Node == "pb") == Venues.Length + 1 && LiveVenues(factory, "pb", killedAtMs) == Venues.Length),
            TimeSpan.FromSeconds(15), "the standby to take every lease and poll every venue");

        using var web1 = await NodeProcess.StartAsync("w1", [.. common, "--Role=Web"]);
        using var web2 = await NodeProcess.StartAsync("w2", [.. common, "--Role=Web"]);
        using var nginx = await NginxProxy.StartAsync(web1.Address, web2.Address);

        // Live values (the standby's polls) on pages served by each web node, through nginx (the cookie pins a browser to a node).
        var onW1 = await PinnedPageAsync("w1", nginx);
        var onW2 = await PinnedPageAsync("w2", nginx);
        await SeesLiveValuesAsync(onW1, nginx, "w1");
        await SeesLiveValuesAsync(onW2, nginx, "w2");

        // A share link made on w1 opens on w2; revoking it on w1 empties the open shared page on both nodes.
        await onW1.GotoAsync(nginx.BaseUrl + "/funding?asset=ETH&range=7d&basis=8h");
        await LivePage.WaitForLiveAsync(onW1);
        await onW1.WaitForFunctionAsync("() => document.querySelector('[data-testid=chart-funding-history]')?.__fwChart !== undefined");
        await onW1.GetByTestId("share-open").ClickAsync();
        await onW1.GetByTestId("share-label").FillAsync("Desk ETH, both nodes");
        await onW1.GetByTestId("share-create").ClickAsync();
        var shareUrl = await onW1.GetByTestId("share-url").InputValueAsync();
        var sharedOnW2 = await OpenSharedAsync(onW2, shareUrl, "w2");
        var sharedOnW1 = await OpenSharedAsync(await onW1.Context.NewPageAsync(), shareUrl, "w1");
        await onW1.GotoAsync(nginx.BaseUrl + "/shared-links");
        await LivePage.WaitForLiveAsync(onW1);
        await onW1.Locator("tr", new() { Has = onW1.Locator("[data-state=Active]") }).GetByTestId("revoke-link").First.ClickAsync();
        await Assertions.Expect(sharedOnW1.GetByTestId("share-revoked")).ToBeVisibleAsync();
        await Assertions.Expect(sharedOnW2.GetByTestId("share-revoked")).ToBeVisibleAsync();

        // Settled history has no hole once the standby's backfill ran (the first poller was killed in the middle of its own).
        var lastHour = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / HourMs * HourMs;
        await Eventually.TrueAsync(() => Task.FromResult(MarketsWithSettledGaps(factory, lastHour) == 0), TimeSpan.FromMinutes(3),
            "every market's settled history to be whole over 30 days");
        output.WriteLine($"settled rows at the kill: {settledAtKill:N0}; after the standby's backfill: {Scalar(factory, "SELECT COUNT(*) FROM funding WHERE kind = 1"):N0}");

        // A rule added now fires from the standby: by then it has evaluated the old rule too, which must not fire again.
        await alerts.UpsertRuleAsync(new FundingThresholdRule { Id = "after", Name = "ETH above −10,000 % APR", Asset = "ETH", Threshold = -100, WebhookUrl = receiver.BaseUrl + "/hook" }, default);
        await Eventually.TrueAsync(() => received.Keys.Any(k => k.StartsWith("after:fired:", StringComparison.Ordinal)), TimeSpan.FromSeconds(60), "the standby's webhook");
        Assert.Single(received.Keys, k => k.StartsWith("always:", StringComparison.Ordinal));
        Assert.All(received, kv => Assert.Equal(1, kv.Value));
        Assert.Equal(1, Scalar(factory, "SELECT COUNT(*) FROM alert_event WHERE rule_id = 'always'"));
        // The receiver answers before the sender records the delivery: wait for the record, then it must be exactly two.
        await Eventually.TrueAsync(() => Scalar(factory, "SELECT COUNT(*) FROM alert_delivery WHERE status = 'delivered'") >= 2, TimeSpan.FromSeconds(30),
            "both deliveries recorded");
        Assert.Equal(2, Scalar(factory, "SELECT COUNT(*) FROM alert_delivery WHERE status = 'delivered'"));

        // No row twice: the keys are the primary keys, checked anyway, table by table.
        foreach (var (table, key) in new[]
                 {
                     ("funding", "venue, symbol, kind, leg, ts_ms"), ("open_interest", "venue, symbol, ts_ms"), ("price", "venue, symbol, ts_ms"),
                     ("liquidation", "venue, id"), ("alert_event", "event_key"),
                 })
        {
            Assert.Equal(0, Scalar(factory, $"SELECT COUNT(*) FROM (SELECT 1 FROM {table} GROUP BY {key} HAVING COUNT(*) > 1) d"));
        }
        Assert.False(standby.HasExited || web1.HasExited || web2.HasExited);
    }

    private async Task<IPage> PinnedPageAsync(string node, NginxProxy nginx)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await context.AddCookiesAsync([new Cookie { Name = "fw_node", Value = node, Url = nginx.BaseUrl }]);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        return page;
    }

    /// <summary>The Overview, served by <paramref name="node"/>, gets pushes: its "as of" time moves on without a reload.</summary>
    private static async Task SeesLiveValuesAsync(IPage page, NginxProxy nginx, string node)
    {
        var response = await page.GotoAsync(nginx.BaseUrl + "/");
        Assert.Equal(node, response!.Headers.GetValueOrDefault("x-fundingweb-node"));
        await LivePage.WaitForLiveAsync(page);
        await Assertions.Expect(page.GetByTestId("funding-heatmap").Locator("td").First).ToBeVisibleAsync();
        var first = await page.GetByTestId("as-of").InnerTextAsync();
        await Assertions.Expect(page.GetByTestId("as-of")).Not.ToHaveTextAsync(first);
    }

    private static async Task<IPage> OpenSharedAsync(IPage page, string url, string node)
    {
        var response = await page.GotoAsync(url);
        Assert.Equal(node, response!.Headers.GetValueOrDefault("x-fundingweb-node"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Funding · ETH");
        return page;
    }

    private static List<(string Name, string Node)> Leases(DbConnectionFactory factory)
    {
        using var c = factory.Open();
        return c.Query<(string, string)>("SELECT name, node FROM node_lease").ToList();
    }

    private static long LiveVenues(DbConnectionFactory factory, string node, long sinceMs) =>
        Scalar(factory, $"SELECT COUNT(*) FROM live_venue WHERE node = '{node}' AND updated_ms > {sinceMs}");

    /// <summary>Markets whose hourly settled history over the last 30 days has a missing hour, or does not reach the last hour.</summary>
    private static long MarketsWithSettledGaps(DbConnectionFactory factory, long lastHourMs) => Scalar(factory, $"""
        SELECT COUNT(*) FROM market m LEFT JOIN (
            SELECT venue, symbol, COUNT(DISTINCT ts_ms / {HourMs}) AS hours, MIN(ts_ms) AS lo, MAX(ts_ms) AS hi
            FROM funding WHERE kind = 1 AND leg IN (0, 1) GROUP BY venue, symbol) s ON s.venue = m.venue AND s.symbol = m.symbol
        WHERE m.status = 'Active' AND (s.hours IS NULL OR s.hours <> s.hi / {HourMs} - s.lo / {HourMs} + 1
            OR s.lo > {lastHourMs - 29L * 24 * HourMs} OR s.hi < {lastHourMs - 2 * HourMs})
        """);

    private static long Scalar(DbConnectionFactory factory, string sql)
    {
        using var c = factory.Open();
        return c.ExecuteScalar<long>(sql);
    }
}
