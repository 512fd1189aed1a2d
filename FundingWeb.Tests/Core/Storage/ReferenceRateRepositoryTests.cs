using FundingWeb.Core.Reference;
using FundingWeb.Core.Storage;
using FundingWeb.Tests.Fixtures;
using Xunit;

namespace FundingWeb.Tests.Core.Storage;

/// <summary>reference_rate on a real SQLite file: written, replaced by key, read in exchange-then-time order, thinned and dropped.</summary>
[Trait("Category", "Fast")]
public sealed class ReferenceRateRepositoryTests : IDisposable
{
    private const long Hour = 3_600_000;
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    public static ReferenceQuote Quote(string exchange, long timeMs, double raw, double hours, string asset = "BTC") =>
        new(asset, exchange, timeMs, raw / hours, raw, hours, timeMs + 4 * Hour);

    /// <summary>The writes both engines' tests make: three rows in hour 0 (the last stays), one in hour 1, one replaced, one NaN.</summary>
    public static async Task<string> RoundTripAsync(DbConnectionFactory factory)
    {
        var repository = new ReferenceRateRepository(factory);
        var queries = new HistoryQueries(factory);
        await repository.InsertAsync([Quote("bybit", 1_000, 0.0008, 8), Quote("binance", 2_000, 0.0004, 4), Quote("binance", 1_000, 0.0008, 8),
            Quote("binance", 3_000, 0.0004, 4), Quote("binance", Hour + 1, 0.0004, 4), Quote("binance", 4_000, 0.0004, 4, asset: "ETH")], default);
        await repository.InsertAsync([Quote("binance", 1_000, 0.0016, 8), Quote("binance", 5_000, double.NaN, 8)], default);
        var before = await queries.GetReferenceRatesAsync("BTC", 0, 4_000_000, default);
        var removed = await repository.ApplyRetentionAsync(rawCutoffMs: 2 * Hour, historyCutoffMs: 1_500, default);
        var after = await queries.GetReferenceRatesAsync("BTC", 0, 4_000_000, default);
        static string Show(IEnumerable<ReferenceQuote> rows) => string.Join(";", rows.Select(r => $"{r.Exchange}@{r.TimeMs}:{r.Rate1h:G6}/{r.IntervalHours}h>{r.NextFundingMs}"));
        return Show(before) + " | " + removed + " | " + Show(after);
    }

    [Fact]
    public async Task InsertReadRetention_RowsByKeyInTotalOrder_ThinnedToTheHoursLastAndDroppedPastHistory()
    {
        var answer = await RoundTripAsync(_db.Factory);

        Assert.Equal(
            "binance@1000:0.0002/8h>14401000;binance@2000:0.0001/4h>14402000;binance@3000:0.0001/4h>14403000;binance@3600001:0.0001/4h>18000001;bybit@1000:0.0001/8h>14401000"
            + " | 3 | binance@3000:0.0001/4h>14403000;binance@3600001:0.0001/4h>18000001", answer);
    }
}
