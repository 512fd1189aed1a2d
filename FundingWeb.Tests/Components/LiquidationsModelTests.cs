using FundingWeb.Core.Live;
using FundingWeb.Model;
using FundingWeb.Tests.Components.Pages;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>The ladder's price marker and its sides: the price a tick moves the marker to, and one stack per side.</summary>
[Trait("Category", "Fast")]
public sealed class LiquidationsModelTests : IDisposable
{
    private readonly ChartPageWorld _world = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _world.Dispose();

    [Fact]
    public void PriceNow_IsThePriceOfTheShownVenueWithTheMostOpenInterest_OrNone()
    {
        var snapshot = _world.Snapshot(price: 91_000);
        Assert.Equal(91_000, LiquidationsPageModel.PriceNow("BTC", null, snapshot));
        Assert.Equal(91_000, LiquidationsPageModel.PriceNow("btc", "gmx", snapshot));
        Assert.Null(LiquidationsPageModel.PriceNow("ETH", null, snapshot));
        Assert.Null(LiquidationsPageModel.PriceNow("BTC", "nope", snapshot));
        Assert.Null(LiquidationsPageModel.PriceNow("BTC", null, MarketSnapshot.Empty));
        Assert.Equal(LiquidationsPageModel.Build("BTC", null, snapshot, [], [])!.Price, LiquidationsPageModel.PriceNow("BTC", null, snapshot));
    }

    [Theory]
    [InlineData(0d)]
    [InlineData(-1d)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void PriceNow_APriceNoLadderCanBinAround_IsNone(double price)
    {
        Assert.Null(LiquidationsPageModel.PriceNow("BTC", null, _world.Snapshot(price: price)));
    }

    [Fact]
    public void Build_MeasuredAndModelled_EachSideIsOneStackAndTheRealisedDotsStandApart()
    {
        var model = LiquidationsPageModel.Build("BTC", null, _world.Snapshot(), [], [])!;

        Assert.All(model.Series.Where(s => s.Name.StartsWith("Longs", StringComparison.Ordinal)), s => Assert.Equal(LiquidationsPageModel.LongsStack, s.Stack));
        Assert.All(model.Series.Where(s => s.Name.StartsWith("Shorts", StringComparison.Ordinal)), s => Assert.Equal(LiquidationsPageModel.ShortsStack, s.Stack));
        Assert.Null(model.Series.Single(s => s.Type == "scatter").Stack);
        Assert.Equal([new FundingWeb.Model.Charts.ChartLine(model.Price, "price now")], model.Spec.XLines);
    }
}
