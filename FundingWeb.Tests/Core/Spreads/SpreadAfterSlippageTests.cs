using FundingWeb.Core.Depth;
using FundingWeb.Core.Spreads;
using FundingWeb.Tests.Core.Depth;
using FundingWeb.Tests.Fixtures;
using Xunit;

namespace FundingWeb.Tests.Core.Spreads;

[Trait("Category", "Fast")]
public sealed class SpreadAfterSlippageTests
{
    // Short the high venue at 0.01 %/h (fee 0.05 %), long the low one at 0.002 %/h (fee 0.02 %): 0.008 %/h = 70.08 % APR,
    // round-trip fees 2 × (0.0005 + 0.0002) = 0.14 % of notional.
    private static readonly FundingSpread Spread = new("hyperliquid", 0.0001, 0.0005, "dydx", 0.00002, 0.0002);

    private static SlippageQuote Quote(string venue, TradeSide side, double? fraction) => fraction is { } f
        ? new SlippageQuote(venue, "BTC", "BTC", 1e5, side, SlippageKind.Book,
            new SlippageResult(SlippageStatus.Filled, side, 1e5, 1e5, 1, 100, 100, 100, f, 1), 0, TimeSpan.Zero, false, "measured")
        : SlippageQuote.None(venue, "BTC", "BTC", 1e5, side, "no BTC book read yet");

    [Fact]
    public void NetApr_FourLegsOfSlippage_WorkedNumbers()
    {
        // Slippage: short entry (sell) 0.03 %, short exit (buy) 0.04 %, long entry (buy) 0.02 %, long exit (sell) 0.01 % = 0.10 %.
        var fractions = new Dictionary<(string, TradeSide), double>
        {
            [("hyperliquid", TradeSide.Sell)] = 0.0003, [("hyperliquid", TradeSide.Buy)] = 0.0004,
            [("dydx", TradeSide.Buy)] = 0.0002, [("dydx", TradeSide.Sell)] = 0.0001,
        };
        var net = SpreadAfterSlippage.Of(Spread, 1e5, (v, s) => Quote(v, s, fractions[(v, s)]));

        Assert.Equal(0.001, net.TotalSlippage!.Value, 15);
        Assert.Equal(0.0024, net.RoundTripCost!.Value, 15);
        // 168 h: 0.7008 − 0.0024 × 8760 ÷ 168 = 0.7008 − 0.125142857… ; fees alone: 0.7008 − 0.073 = 0.6278.
        Assert.Equal(0.7008 - 0.0024 * 8760 / 168, net.NetApr(168)!.Value, 12);
        Assert.Equal(0.6278, Spread.NetApr(168), 12);
        // Break-even 0.0024 ÷ 0.00008 = 30 h, against 17.5 h on fees alone.
        Assert.Equal(30, net.BreakEvenHours!.Value, 9);
        Assert.Equal(17.5, Spread.BreakEvenHours!.Value, 9);
        Assert.Empty(net.Missing);
    }

    [Fact]
    public void NetApr_OneLegWithoutBook_IsNullAndNamesTheLeg()
    {
        var net = SpreadAfterSlippage.Of(Spread, 1e5, (v, s) => Quote(v, s, v == "dydx" && s == TradeSide.Sell ? null : 0.0001));

        Assert.Null(net.TotalSlippage);
        Assert.Null(net.NetApr(24));
        Assert.Null(net.BreakEvenHours);
        Assert.Equal(["dydx sell: no BTC book read yet"], net.Missing);
        Assert.Throws<ArgumentOutOfRangeException>(() => net.NetApr(0));
    }

    [Fact]
    public void Of_SlippageService_WalksBothBooksBothWays()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        var store = new DepthBookStore();
        store.Set(Books.Hand("hyperliquid", "BTC"));
        store.Set(Books.Hand("dydx", "BTC"));
        var hub = DepthWorld.Hub(time, DepthWorld.Venue("hyperliquid", ("BTC", 1e9, 100)), DepthWorld.Venue("dydx", ("BTC", 1e9, 100)));
        var service = new SlippageService(hub, store, time, new DepthOptions());

        var net = SpreadAfterSlippage.Of(Spread, "BTC", 400, service);

        // $400 on the hand book: sell 1/133 (walked by hand in SlippageTests), buy: $201 at 100.5 + $199 at 101 → VWAP 400 ÷ (2 + 199/101).
        var buy = (400 / (2 + 199 / 101d) - 100) / 100;
        Assert.Equal(1 / 133d, net.ShortEntry.Fraction!.Value, 12);
        Assert.Equal(buy, net.ShortExit.Fraction!.Value, 12);
        Assert.Equal(buy, net.LongEntry.Fraction!.Value, 12);
        Assert.Equal(1 / 133d, net.LongExit.Fraction!.Value, 12);
        Assert.Equal(2 * (1 / 133d + buy), net.TotalSlippage!.Value, 12);
    }
}
