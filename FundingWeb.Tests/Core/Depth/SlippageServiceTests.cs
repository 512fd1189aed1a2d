using FundingWeb.Core.Depth;
using FundingWeb.Tests.Fixtures;
using Xunit;

namespace FundingWeb.Tests.Core.Depth;

[Trait("Category", "Fast")]
public sealed class SlippageServiceTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _time = new(Start);
    private readonly DepthBookStore _store = new();
    private readonly DepthOptions _options = new() { StaleAfter = TimeSpan.FromMinutes(2) };

    private SlippageService Service() => new(
        DepthWorld.Hub(_time, DepthWorld.Venue("hyperliquid", ("BTC", 1e9, 100)), DepthWorld.Venue("gmx", ("ETH", 1e7, 2_000))),
        _store, _time, _options);

    [Fact]
    public void Slippage_BookRead_IsMeasuredWithTheHandWalkAndItsAge()
    {
        _store.Set(Books.Hand(timeMs: Start.ToUnixTimeMilliseconds()));
        _time.Advance(TimeSpan.FromSeconds(45));

        var quote = Service().Slippage("Hyperliquid", "btc", 500, TradeSide.Buy);

        Assert.Equal(SlippageKind.Book, quote.Kind);
        Assert.Equal("BTC", quote.Symbol);
        Assert.Equal(4 / 501d, quote.Fraction!.Value, 12);
        Assert.Equal(TimeSpan.FromSeconds(45), quote.Age);
        Assert.False(quote.Stale);
        Assert.StartsWith("measured", quote.Note);
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.True(Service().Slippage("hyperliquid", "BTC", 500, TradeSide.Buy).Stale);
    }

    [Fact]
    public void Slippage_ThinBook_HasNoFigureAndSaysHowMuchFilled()
    {
        _store.Set(Books.Hand(timeMs: Start.ToUnixTimeMilliseconds()));

        var quote = Service().Slippage("hyperliquid", "BTC", 2_000, TradeSide.Buy);

        Assert.Equal(SlippageKind.Book, quote.Kind);
        Assert.Null(quote.Fraction);
        Assert.Contains("too thin: $1,524 of $2,000 filled", quote.Note);
    }

    [Theory]
    [InlineData("vertex", "BTC", "not in the feed")]
    [InlineData("hyperliquid", "DOGE", "lists no DOGE market")]
    [InlineData("hyperliquid", "BTC", "no BTC book read")]
    public void Slippage_NothingToWalk_IsNoneWithTheReason(string venue, string asset, string reason)
    {
        var quote = Service().Slippage(venue, asset, 500, TradeSide.Sell);

        Assert.Equal(SlippageKind.None, quote.Kind);
        Assert.Null(quote.Fraction);
        Assert.Contains(reason, quote.Note);
    }

    [Fact]
    public void Slippage_Pool_IsThePoolModelAtTheMarketPrice()
    {
        _store.Set(new PoolState("gmx", "ETH", Start.ToUnixTimeMilliseconds(), Start.ToUnixTimeMilliseconds(), 6e6, 4e6, 10e6, 10e6,
            new PoolImpactParameters(5e-10, 1e-9, 2, 2), "test://pool"));

        var quote = Service().Slippage("gmx", "ETH", 1e6, TradeSide.Buy);

        Assert.Equal(SlippageKind.PoolModel, quote.Kind);
        Assert.Equal(0.005, quote.Fraction!.Value, 12);
        Assert.Equal(2_010, quote.Result!.Vwap!.Value, 9);
        Assert.StartsWith("pool model", quote.Note);
    }

    [Fact]
    public void AsPriceImpact_FilledThinAndUnknown_MoveAsDocumented()
    {
        _store.Set(Books.Hand(timeMs: Start.ToUnixTimeMilliseconds()));
        var impact = Service().AsPriceImpact();

        // Selling $400 leaves the book at 99: 1 % below mid.
        Assert.Equal(0.01, impact("hyperliquid", "BTC", 400, true), 12);
        // Selling $3,150 takes all $1,575 of bids down to 98 (2 %), twice what the book shows: 4 % by the book's own density.
        Assert.Equal(0.04, impact("hyperliquid", "BTC", 3_150, true), 12);
        Assert.Equal(0, impact("hyperliquid", "DOGE", 1e6, true));
        var fallback = Service().AsPriceImpact((_, _, _, _) => 0.07);
        Assert.Equal(0.07, fallback("hyperliquid", "DOGE", 1e6, true));
    }
}
