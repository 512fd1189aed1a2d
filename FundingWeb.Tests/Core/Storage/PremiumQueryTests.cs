using Dapper;
using FundingWeb.Core.Storage;
using FundingWeb.Tests.Fixtures;
using Xunit;

namespace FundingWeb.Tests.Core.Storage;

/// <summary>The stored premium series: (mark − index) ÷ index per market, rows without a usable index left out.</summary>
[Trait("Category", "Fast")]
public sealed class PremiumQueryTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task GetPremiumAsync_MarkOverIndexPerMarket_SkipsMissingZeroAndNegativePrices()
    {
        using (var c = _db.Factory.Open())
        {
            c.Execute("INSERT INTO market (venue, symbol, base_asset, funding_interval_hours, max_leverage, maintenance_margin, status, first_seen_ms, last_seen_ms) VALUES ('dydx', 'BTC-USD', 'BTC', 1, 20, 0.03, 'active', 0, 0), ('dydx', 'ETH-USD', 'ETH', 1, 20, 0.03, 'active', 0, 0)");
            c.Execute("INSERT INTO price VALUES ('dydx', 'BTC-USD', 1000, 101, 100), ('dydx', 'BTC-USD', 2000, 99.5, 100), ('dydx', 'BTC-USD', 3000, 100, NULL), " +
                "('dydx', 'BTC-USD', 4000, NULL, 100), ('dydx', 'BTC-USD', 5000, 100, 0), ('dydx', 'BTC-USD', 6000, -1, 100), ('dydx', 'ETH-USD', 1000, 2, 1)");
        }

        var points = await new HistoryQueries(_db.Factory).GetPremiumAsync("BTC", 0, 10_000, default);

        Assert.Equal([(1000L, 0.01), (2000L, -0.005)], points.Select(p => (p.TimeMs, Math.Round(p.Premium, 12))));
        Assert.All(points, p => Assert.Equal(("dydx", "BTC-USD"), (p.Venue, p.Symbol)));
    }
}
