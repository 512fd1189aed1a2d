using Dapper;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Ingest;
using FundingWeb.Core.Live;
using FundingWeb.Core.Storage;
using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Simulator;
using FundingWeb.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit;

namespace FundingWeb.Tests.Postgres;

/// <summary>
/// The same simulated world written through the one ingest path into a SQLite file and a PostgreSQL database: every
/// store's reads answer the same on both engines (the dialect's differences are the only differences); the month
/// partitions hold the rows.
/// </summary>
[Trait("Category", "Slow")]
[Trait("Category", "Postgres")]
public sealed class EngineParityTests(TwoEngines engines) : IClassFixture<TwoEngines>
{
    private static readonly DateTimeOffset Start = TwoEngines.Start;

    private Task SameAsync<T>(Func<DbConnectionFactory, Task<T>> read, string what) => engines.SameAsync(read, what);

    private static readonly string[] Assets = ["BTC", "ETH", "SOL", "NOPE"];

    [Fact]
    public async Task HistoryQueries_SameWorldOnBothEngines_SameAnswers()
    {
        var (from, to) = (Start.AddDays(-2).ToUnixTimeMilliseconds(), Start.AddHours(3).ToUnixTimeMilliseconds());
        foreach (var asset in Assets)
        {
            await SameAsync(f => new HistoryQueries(f).GetFundingAsync(asset, FundingKind.Settled, from, to, default), $"{asset} settled");
            await SameAsync(f => new HistoryQueries(f).GetFundingAsync(asset, FundingKind.Quoted, from, to, default), $"{asset} quoted");
            await SameAsync(f => new HistoryQueries(f).GetImplausibleFundingAsync(asset, from, to, 50, default), $"{asset} implausible");
            await SameAsync(f => new HistoryQueries(f).GetOpenInterestAsync(asset, from, to, default), $"{asset} OI");
            await SameAsync(f => new HistoryQueries(f).GetLiquidationsAsync(asset, null, from, to, default), $"{asset} liquidations");
            foreach (string[] venues in (string[][])[[], ["dydx"], ["dydx", "hyperliquid", "nope"]])
            {
                var label = $"{asset} api [{string.Join(',', venues)}]";
                await SameAsync(f => new HistoryQueries(f).GetFundingRowsAsync(asset, FundingKind.Settled, venues, from, to, 500, default), label + " settled");
                await SameAsync(f => new HistoryQueries(f).GetFundingRowsAsync(asset, FundingKind.Quoted, venues, from, to, 500, default), label + " quoted");
                await SameAsync(f => new HistoryQueries(f).GetOpenInterestRowsAsync(asset, venues, from, to, 500, default), label + " OI");
                await SameAsync(f => new HistoryQueries(f).GetLiquidationRowsAsync(asset, venues, from, to, 500, default), label + " liquidations");
            }
        }
        await SameAsync(f => new HistoryQueries(f).GetPricesAsync("dydx", "BTC-USD", from, to, default), "prices");
        await SameAsync(f => new HistoryQueries(f).GetMarketFundingAsync("BTC", "hyperliquid", "BTC", from, to, default), "carry rows");
    }

    [Fact]
    public async Task MarketStores_SameWorldOnBothEngines_SameAnswers()
    {
        await SameAsync(f => new MarketDataQueries(f).GetLatestSettledAsync("dydx", default).ContinueWith(t => Sorted(t.Result)), "latest settled");
        await SameAsync(f => new MarketDataRepository(f).GetLatestExactSettledAsync("paradex", default).ContinueWith(t => Sorted(t.Result)), "latest exact");
        await SameAsync(f => new MarketDataRepository(f).GetBackfillGapsAsync("dydx", default), "gaps (merged wider)");
        await SameAsync(f => Task.FromResult(new MarketDataRepository(f).GetAllConventions().Select(c => $"{c.Venue}/{c.Symbol}/{c.Convention}").Order().ToList()), "conventions");
        await SameAsync(f => new MarketDataQueries(f).GetVenueStatusesAsync(default).ContinueWith(t => t.Result.OrderBy(s => s.Venue).ToList()), "statuses");
        var gap = Assert.Single(await new MarketDataRepository(engines.Postgres.Factory).GetBackfillGapsAsync("dydx", default));
        Assert.Equal(5_000, gap.ToMs);
    }

    [Fact]
    public void Partitions_RowsOfTheWindow_LandInTheirMonthNotInTheDefault()
    {
        using var c = engines.Postgres.Factory.Open();
        Assert.Equal(0, c.ExecuteScalar<long>("SELECT COUNT(*) FROM funding_default"));
        Assert.True(c.ExecuteScalar<long>($"SELECT COUNT(*) FROM {PostgresPartitions.NameOf("funding", new DateTime(2026, 11, 1))}") > 0);
        Assert.True(c.ExecuteScalar<long>($"SELECT COUNT(*) FROM {PostgresPartitions.NameOf("open_interest", new DateTime(2026, 11, 1))}") > 0);
        // The parent's rows are its partitions' rows: nothing is written twice.
        Assert.Equal(c.ExecuteScalar<long>("SELECT COUNT(*) FROM funding"), c.ExecuteScalar<long>("SELECT COUNT(*) FROM ONLY funding_p202611") + c.ExecuteScalar<long>("SELECT COUNT(*) FROM ONLY funding_p202610"));
    }

    private static List<string> Keys(DbConnectionFactory factory, string sql)
    {
        using var c = factory.Open();
        return c.Query<string>(sql).ToList();
    }

    private static List<KeyValuePair<string, long>> Sorted(IReadOnlyDictionary<string, long> d) => d.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();

}
