using System.Collections.Immutable;
using Bunit;
using FundingWeb.Components.Controls;
using FundingWeb.Components.Pages;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Live;
using FundingWeb.Core.Venues;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>The carry page from its URL: the form's errors at their fields, the notices, and ticks that reach the results only.</summary>
[Trait("Category", "Fast")]
public sealed class CarryPageTests : AppServicesContext
{
    private const string Position = "/carry?venue=dydx&asset=BTC&side=long&notional=1000000&leverage=5&hours=72";

    private static MarketSnapshot World(double? mark, string? implausible = null, long version = 1)
    {
        var market = new Market("dydx", "BTC-USD", "BTC", 1, 50, 0.01);
        var leg = new FundingQuote(FundingLeg.Net, 0.0001, 0.0001, 1, RateUnit.Fraction, 0, 0, "test", implausible);
        var quote = new MarketQuote(market, [leg], mark, mark, 10, 1e9, null, null, 0);
        var venue = VenueSnapshot.Empty(new VenueInfo("dydx", "dYdX v4", "Cosmos appchain", TimeSpan.FromHours(2), 0.0005, true)) with
        {
            Status = new VenueStatus("dydx", 0, null, null, null, null, 10, 0, 1, 0),
            Markets = ImmutableDictionary<string, MarketQuote>.Empty.Add(market.Symbol, quote),
        };
        return new MarketSnapshot(version, 0, true, ImmutableSortedDictionary<string, VenueSnapshot>.Empty.Add("dydx", venue));
    }

    private IRenderedComponent<Carry> Open(string url, MarketSnapshot world)
    {
        Hub.Publish(_ => world);
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return Render<Carry>();
    }

    [Fact]
    public void PastedBadValues_ShownAsTypedWithTheReasonAtEachField_NothingComputed()
    {
        var cut = Open("/carry?venue=dydx&asset=BTC&notional=abc&leverage=0.5&hours=9000", World(100));

        cut.WaitForAssertion(() =>
        {
            Assert.StartsWith("Notional (USD): 'abc' is not a number", cut.ErrorAt("carry-notional"));
            Assert.Equal("Leverage: '0.5' is not a number from 1 to 1,000.", cut.ErrorAt("carry-leverage"));
            Assert.StartsWith("Holding time (hours): '9000' is not a number", cut.ErrorAt("carry-hours"));
        });
        Assert.Null(cut.ErrorAt("carry-delay"));
        Assert.Equal("abc", cut.Find("[data-testid=carry-notional]").GetAttribute("value"));
        Assert.Equal(3, cut.FindAll("[data-testid=carry-errors] li").Count);
        Assert.False(cut.Has("carry-summary"));
        Assert.DoesNotContain("Reading history", cut.Markup);
    }

    [Fact]
    public void LeverageAboveTheMarketsCap_NamedAtLeverage()
    {
        var cut = Open("/carry?venue=dydx&asset=BTC&leverage=60", World(100));
        cut.WaitForAssertion(() => Assert.Equal("Leverage: BTC-USD allows at most 50× on dYdX v4.", cut.ErrorAt("carry-leverage")));
        Assert.False(cut.Has("carry-summary"));
    }

    [Fact]
    public async Task Calculate_ClearedFieldNamedAtIt_ThenAValidFormNavigatesToThePositionsUrl()
    {
        var cut = Open(Position, World(100));
        cut.WaitForAssertion(() => Assert.True(cut.Has("carry-summary")));

        await cut.Find("[data-testid=carry-notional]").InputAsync(new() { Value = "" });
        await cut.Find("[data-testid=carry-calculate]").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Equal("Notional (USD): enter a number.", cut.ErrorAt("carry-notional")));
        Assert.EndsWith(Position, Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);

        await cut.Find("[data-testid=carry-notional]").InputAsync(new() { Value = "2,000,000" });
        await cut.Find("[data-testid=carry-calculate]").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.EndsWith("/carry?venue=dydx&asset=BTC&side=long&notional=2000000&leverage=5&hours=72",
            Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
    }

    [Fact]
    public void ImplausibleQuote_NoticeWithItsReason()
    {
        var cut = Open(Position, World(100, implausible: "beyond the venue's cap"));
        cut.WaitForAssertion(() => Assert.Contains("beyond the venue's cap", cut.Find("[data-testid=carry-implausible]").TextContent));
        Assert.True(cut.Has("carry-summary"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0d)]
    [InlineData(-5d)]
    [InlineData(double.NaN)]
    public void NoUsablePrice_SaysSoInsteadOfAnEstimate(double? mark)
    {
        var cut = Open(Position, World(mark));
        cut.WaitForAssertion(() => Assert.Contains("has no usable price yet", cut.Find("[data-testid=carry-unavailable]").TextContent));
        Assert.False(cut.Has("carry-summary"));
    }

    [Fact]
    public void UnknownVenue_SaysItIsNotInTheFeed()
    {
        var cut = Open("/carry?venue=nowhere&asset=BTC", World(100));
        Assert.Equal("Venue 'nowhere' is not in the feed.", cut.Find("[data-testid=carry-unavailable]").TextContent.Trim());
    }

    [Fact]
    public void Tick_NewPriceReachesTheResultsOnly_TheFormIsNeverRendered()
    {
        var cut = Open(Position, World(100));
        cut.WaitForAssertion(() => Assert.Equal("100.00", cut.Find("[data-testid=carry-entry-price]").TextContent));
        var form = cut.FindComponent<CarryForm>();
        var formRenders = form.RenderCount;
        var formMarkup = form.Markup;

        Hub.Publish(_ => World(120, version: 2));
        Time.Advance(CarryResults.RecomputeEvery);
        cut.WaitForAssertion(() => Assert.Equal("120.00", cut.Find("[data-testid=carry-entry-price]").TextContent));
        Hub.Publish(_ => World(120, version: 3));
        Time.Advance(CarryResults.RecomputeEvery);
        Hub.Publish(_ => World(130, version: 4));
        Time.Advance(CarryResults.RecomputeEvery);
        cut.WaitForAssertion(() => Assert.Equal("130.00", cut.Find("[data-testid=carry-entry-price]").TextContent));

        Assert.Equal(formRenders, form.RenderCount);
        Assert.Equal(formMarkup, form.Markup);
    }

    [Fact]
    public void View_SameSnapshotTwice_ComparesEqualSoATickThatMovesNothingIsNotRendered()
    {
        var world = World(100);
        var venue = world.Venues["dydx"];
        var load = new Model.CarryLoad(Model.CarryQuery.Default with { Venue = "dydx" }, venue, venue.Markets["BTC-USD"], [], [], FundingWeb.Core.Liquidations.LadderKind.Modelled);
        var options = new FundingWeb.Core.Carry.CarryOptions();
        var now = Time.GetUtcNow().ToUnixTimeMilliseconds();
        Assert.Equal(Model.CarryView.Build(load, world, options, now), Model.CarryView.Build(load, World(100, version: 9), options, now));
        Assert.NotEqual(Model.CarryView.Build(load, world, options, now), Model.CarryView.Build(load, World(101), options, now));
    }

    [Fact]
    public async Task Dispose_Page_UnsubscribesFromTheHub()
    {
        var baseline = Hub.SubscriberCount;
        var cut = Open(Position, World(100));
        cut.WaitForAssertion(() => Assert.True(cut.Has("carry-summary")));
        Assert.Equal(baseline + 1, Hub.SubscriberCount);
        await DisposeComponentsAsync();
        Assert.Equal(baseline, Hub.SubscriberCount);
    }
}
