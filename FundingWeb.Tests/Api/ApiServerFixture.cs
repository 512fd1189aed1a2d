using Dapper;
using FundingWeb.Core.Storage;
using FundingWeb.Tests.Fixtures;
using Xunit;

namespace FundingWeb.Tests.Api;

/// <summary>
/// The real app with a small row bound (100) and its own assets seeded in 2020/2021, far from the simulator's data,
/// so every answer is known exactly.
/// </summary>
public sealed class ApiServerFixture : IAsyncLifetime
{
    public const int MaxRows = 100;
    public static readonly DateTimeOffset Day = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public const string From = "2020-01-01T00:00:00Z";
    public const string To = "2020-01-02T00:00:00Z";

    public FundingWebServer Server { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await FundingWebServer.StartAsync([$"--Api:MaxRows={MaxRows}"]);
        Http = new HttpClient { BaseAddress = new Uri(Server.BaseUrl) };
        var factory = new SqliteConnectionFactory(Server.DatabasePath, TimeSpan.FromSeconds(10));
        using var connection = factory.Open();
        using var tx = connection.BeginTransaction();
        void Market(string venue, string symbol, string asset) => connection.Execute(
            "INSERT INTO market (venue, symbol, base_asset, funding_interval_hours, max_leverage, maintenance_margin, status, first_seen_ms, last_seen_ms) VALUES (@venue, @symbol, @asset, 1, 20, 0.01, 'active', 0, 0)", new { venue, symbol, asset }, tx);
        void Funding(string venue, string symbol, int kind, long ts, double rate1h) => connection.Execute(
            "INSERT INTO funding (venue, symbol, kind, leg, ts_ms, rate_raw, interval_hours, unit, rate_1h) VALUES (@venue, @symbol, @kind, 0, @ts, @rate1h, 1, 'Fraction', @rate1h)", new { venue, symbol, kind, ts, rate1h }, tx);
        var t0 = Day.ToUnixTimeMilliseconds();
        const long hour = 3_600_000;

        Market("hyperliquid", "APITEST", "APITEST");
        Market("dydx", "APITEST-USD", "APITEST");
        Funding("hyperliquid", "APITEST", 1, t0 + hour, -0.0000125);
        Funding("hyperliquid", "APITEST", 1, t0 + 2 * hour, 0.00002);
        Funding("dydx", "APITEST-USD", 1, t0 + hour, 0.00001);
        Funding("dydx", "APITEST-USD", 0, t0 + hour + 5_000, 0.000011);
        Funding("hyperliquid", "APITEST", 1, t0 - hour, 0.5); // before the range
        connection.Execute("INSERT INTO open_interest VALUES ('hyperliquid', 'APITEST', @ts, 10, 500000, NULL, NULL)", new { ts = t0 + hour }, tx);
        connection.Execute("INSERT INTO open_interest VALUES ('dydx', 'APITEST-USD', @ts, 2.5, 125000.5, 60000, 65000.5)", new { ts = t0 + 2 * hour }, tx);
        connection.Execute("INSERT INTO liquidation VALUES ('hyperliquid', 'liq-1', 'APITEST', @ts, 0, 50000, 0.5, 25000, 'LIQUIDATED')", new { ts = t0 + hour }, tx);
        connection.Execute("INSERT INTO liquidation VALUES ('dydx', '=cmd', 'APITEST-USD', @ts, 1, 51000, 1, 51000, 'DELEVERAGED')", new { ts = t0 + 3 * hour }, tx);

        // One over the bound and one exactly at it.
        Market("hyperliquid", "APIBIG", "APIBIG");
        Market("hyperliquid", "APIFULL", "APIFULL");
        for (var i = 0; i < MaxRows + 1; i++) Funding("hyperliquid", "APIBIG", 1, t0 + i * 60_000, 0.00001);
        for (var i = 0; i < MaxRows; i++) Funding("hyperliquid", "APIFULL", 1, t0 + i * 60_000, 0.00001);
        tx.Commit();
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
