using FundingWeb.Core.Depth;
using FundingWeb.Core.Storage;
using FundingWeb.Tests.Fixtures;
using Xunit;

namespace FundingWeb.Tests.Core.Storage;

public sealed class DepthRepositoryTests : IDisposable
{
    private const long Hour = 3_600_000;
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private DepthRepository Repository() => new(_db.Factory);

    private static DepthBandRow Row(string symbol, long timeMs, double mid = 100) =>
        new("dydx", symbol, timeMs, timeMs - 5, SlippageKind.Book, mid, 0.001, [1, 2, 3, 4], [5, 6, 7, 8], 20, 21);

    [Fact]
    public async Task InsertAsync_ThenGet_RoundTripsEveryBandInOrder()
    {
        var repository = Repository();
        await repository.InsertAsync([Row("BTC-USD", 2_000), Row("BTC-USD", 1_000), Row("ETH-USD", 1_000)], CancellationToken.None);

        var rows = await repository.GetAsync("dydx", "BTC-USD", 0, 10_000, CancellationToken.None);

        Assert.Equal([1_000, 2_000], rows.Select(r => r.TimeMs));
        var row = rows[0];
        Assert.Equal(995, row.BookTimeMs);
        Assert.Equal(SlippageKind.Book, row.Kind);
        Assert.Equal([1d, 2, 3, 4], row.BidUsd);
        Assert.Equal([5d, 6, 7, 8], row.AskUsd);
        Assert.Equal((20, 21), (row.BidLevels, row.AskLevels));
    }

    [Fact]
    public async Task InsertAsync_NonFiniteOrMisshapenRows_AreLeftOutAndTheRestWritten()
    {
        var repository = Repository();
        var written = await repository.InsertAsync(
        [
            Row("BTC-USD", 1_000),
            Row("BTC-USD", 2_000, mid: double.NaN),
            Row("BTC-USD", 3_000) with { AskUsd = [1, double.PositiveInfinity, 3, 4] },
            Row("BTC-USD", 4_000) with { BidUsd = [1, 2] },
        ], CancellationToken.None);

        Assert.Equal(1, written);
        Assert.Single(await repository.GetAsync("dydx", "BTC-USD", 0, 10_000, CancellationToken.None));
    }

    [Fact]
    public async Task ApplyRetentionAsync_OldRowsThinnedToLastOfEachHour_AncientOnesDropped()
    {
        var repository = Repository();
        var now = 100 * Hour;
        // Hour 90: three rows (thinned to the last); hour 99: two recent rows (kept); hour 2: past history (dropped).
        await repository.InsertAsync(
        [
            Row("BTC-USD", 90 * Hour + 1_000), Row("BTC-USD", 90 * Hour + 30_000), Row("BTC-USD", 90 * Hour + 3_000_000),
            Row("ETH-USD", 90 * Hour + 5_000),
            Row("BTC-USD", 99 * Hour + 1_000), Row("BTC-USD", 99 * Hour + 2_000),
            Row("BTC-USD", 2 * Hour),
        ], CancellationToken.None);

        var removed = await repository.ApplyRetentionAsync(rawCutoffMs: now - 2 * Hour, historyCutoffMs: now - 50 * Hour, CancellationToken.None);

        Assert.Equal(3, removed);
        var btc = await repository.GetAsync("dydx", "BTC-USD", 0, long.MaxValue, CancellationToken.None);
        Assert.Equal([90 * Hour + 3_000_000, 99 * Hour + 1_000, 99 * Hour + 2_000], btc.Select(r => r.TimeMs));
        Assert.Single(await repository.GetAsync("dydx", "ETH-USD", 0, long.MaxValue, CancellationToken.None));
        Assert.Equal(0, await repository.ApplyRetentionAsync(now - 2 * Hour, now - 50 * Hour, CancellationToken.None));
    }
}
