using Dapper;
using FundingWeb.Core.Depth;
using FundingWeb.Core.Storage;
using FundingWeb.Hosting;
using FundingWeb.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace FundingWeb.Tests.Hosting;

/// <summary>The app (depth is part of it) on the simulator: books polled, bands stored, one slippage service answering.</summary>
public sealed class DepthHostingTests
{
    [Fact]
    public async Task Simulator_Depth_BooksWalkedBandsStoredAndGmxModelled()
    {
        await using var server = await FundingWebServer.StartAsync(
            ["--Depth:PollInterval=00:00:00.200", "--Depth:StoreInterval=00:00:00", "--Depth:RequestsPerMinute:hyperliquid=600"]);
        var slippage = server.Services.GetRequiredService<SlippageService>();
        server.Services.GetRequiredService<DepthInterest>().Touch(null, "BTC");

        var btc = await Eventually.GetAsync(() => Task.FromResult(slippage.Slippage("hyperliquid", "BTC", 1e6, TradeSide.Buy) is { Kind: SlippageKind.Book } q ? q : null),
            TimeSpan.FromSeconds(30), "a measured BTC book on the simulated Hyperliquid");
        var gmx = await Eventually.GetAsync(() => Task.FromResult(slippage.Slippage("gmx", "BTC", 1e6, TradeSide.Sell) is { Kind: SlippageKind.PoolModel } q ? q : null),
            TimeSpan.FromSeconds(30), "a modelled BTC pool on the simulated GMX");

        Assert.InRange(btc.Fraction!.Value, 1e-6, 0.01);
        Assert.InRange(gmx.Fraction!.Value, 0, 0.05);
        Assert.StartsWith("pool model", gmx.Note);
        var repository = server.Services.GetRequiredService<DepthRepository>();
        await Eventually.TrueAsync(async () => (await repository.GetAsync("hyperliquid", "BTC", 0, long.MaxValue, CancellationToken.None)).Count > 0,
            TimeSpan.FromSeconds(30), "stored BTC depth bands");
        var factory = server.Services.GetRequiredService<DbConnectionFactory>();
        using var connection = factory.Open();
        Assert.True(connection.ExecuteScalar<long>("SELECT COUNT(*) FROM depth_band WHERE venue = 'gmx' AND kind = 2") > 0);
        Assert.All(server.Services.GetRequiredService<DepthBookStore>().Statuses, s => Assert.True(s.RequestsPerMinute > 0, s.Venue));
    }
}
