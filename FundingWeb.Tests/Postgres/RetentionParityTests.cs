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
/// store's reads answer the same on both engines (the dialect's differences are the only differences), and what
/// retention keeps is the same rows.
/// </summary>
/// <summary>What retention keeps is the same rows on both engines (SQLite's temp-table rule, PostgreSQL's key probes).</summary>
[Trait("Category", "Slow")]
[Trait("Category", "Postgres")]
public sealed class RetentionParityTests(TwoEngines engines) : IClassFixture<TwoEngines>
{
    private static readonly DateTimeOffset Start = TwoEngines.Start;

    [Fact]
    public async Task Retention_SameWorldOnBothEngines_KeepsTheSameRows()
    {
        var raw = Start.AddHours(-6).ToUnixTimeMilliseconds();
        var history = Start.AddDays(-1).ToUnixTimeMilliseconds();
        var removedSqlite = await new MarketDataRepository(engines.Sqlite.Factory).ApplyRetentionAsync(raw, history, default);
        var removedPostgres = await new MarketDataRepository(engines.Postgres.Factory).ApplyRetentionAsync(raw, history, default);

        Assert.True(removedSqlite > 0);
        Assert.Equal(removedSqlite, removedPostgres);
        foreach (var sql in new[]
                 {
                     "SELECT venue || '/' || symbol || '/' || kind || '/' || leg || '/' || ts_ms FROM funding ORDER BY 1",
                     "SELECT venue || '/' || symbol || '/' || ts_ms FROM open_interest ORDER BY 1",
                     "SELECT venue || '/' || symbol || '/' || ts_ms FROM price ORDER BY 1",
                 })
        {
            Assert.Equal(Keys(engines.Sqlite.Factory, sql), Keys(engines.Postgres.Factory, sql));
        }
    }

    private static List<string> Keys(DbConnectionFactory factory, string sql)
    {
        using var c = factory.Open();
        return c.Query<string>(sql).ToList();
    }


}
