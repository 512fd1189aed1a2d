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

/// <summary>The Venues page from its URL: a poll of one venue changes that venue's row and nothing else on the page.</summary>
[Trait("Category", "Fast")]
public sealed class VenuesPageTests : AppServicesContext
{
    private static readonly string[] Ids = ["aevo", "dydx", "hyperliquid"];

    private static VenueSnapshot Venue(string id, long polls, int markets = 3, string? implausible = null)
    {
        var quotes = ImmutableDictionary.CreateBuilder<string, MarketQuote>();
        for (var i = 0; i < markets; i++)
        {
            var market = new Market(id, $"M{i}-USD", $"M{i}", 8, 20, 0.01);
            var convention = new MarketConvention(8, RateUnit.Fraction, 0.0005, "venue docs", "simulator://" + id, i == 0, 1_796_000_000_000, 1_790_000_000_000);
            var leg = new FundingQuote(FundingLeg.Net, 0.0001, 0.0008, 8, RateUnit.Fraction, 0, 0, "test", i == 1 ? implausible : null);
            quotes[market.Symbol] = new MarketQuote(market, [leg], 10, 10, 1, 1e6, null, null, 0, convention);
        }
        return VenueSnapshot.Empty(new VenueInfo(id, id.ToUpperInvariant(), "rollup", TimeSpan.FromHours(2), 0.0005, true)) with
        {
            Status = new VenueStatus(id, 1_796_000_000_000, null, null, null, null, 12, 0, polls, 0),
            Markets = quotes.ToImmutable(),
        };
    }

    private static MarketSnapshot World(long version, Func<string, VenueSnapshot> venue) =>
        new(version, 0, true, Ids.ToImmutableSortedDictionary(id => id, venue, StringComparer.Ordinal));

    private IRenderedComponent<Venues> Open(string url = "/venues")
    {
        Hub.Publish(_ => World(1, id => Venue(id, 10)));
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return Render<Venues>();
    }

    [Fact]
    public void Tick_OneVenuePolled_OnlyThatVenuesRowChanges()
    {
        var cut = Open();
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=venues-table] tbody tr").Count));
        var rows = cut.FindComponents<VenueHealthRow>().ToDictionary(r => r.Instance.View.Id, r => r);
        var renders = rows.ToDictionary(r => r.Key, r => r.Value.RenderCount);
        var toolbar = cut.FindComponent<ViewToolbar>();
        var toolbarRenders = toolbar.RenderCount;
        // bUnit 2 has no SaveSnapshot: the markup before, compared with the markup after, is the same diff.
        var before = cut.Markup;

        Hub.Publish(_ => World(2, id => Venue(id, id == "dydx" ? 11 : 10)));
        Time.Advance(TimeSpan.FromSeconds(1));

        cut.WaitForAssertion(() => Assert.Equal("11 / 0", cut.Find("tr[data-venue=dydx] [data-testid=venue-polls]").TextContent));
        var changes = cut.CompareTo(before);
        Assert.NotEmpty(changes);
        Assert.All(changes, d => Assert.Equal("dydx", RenderedDiffs.ElementOf(d).Closest("tr[data-venue]")?.GetAttribute("data-venue")));
        Assert.Equal(renders["dydx"] + 1, rows["dydx"].RenderCount);
        Assert.Equal(renders["aevo"], rows["aevo"].RenderCount);
        Assert.Equal(renders["hyperliquid"], rows["hyperliquid"].RenderCount);
        Assert.Equal(toolbarRenders, toolbar.RenderCount);
    }

    [Fact]
    public async Task Pause_FreezesTheTables_ResumeShowsTheLatest()
    {
        var cut = Open();
        cut.WaitForAssertion(() => Assert.True(cut.Has("pause")));
        await cut.Find("[data-testid=pause]").ClickAsync(new());

        Hub.Publish(_ => World(2, id => Venue(id, 20)));
        Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("10 / 0", cut.Find("tr[data-venue=dydx] [data-testid=venue-polls]").TextContent);

        await cut.Find("[data-testid=pause]").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Equal("20 / 0", cut.Find("tr[data-venue=dydx] [data-testid=venue-polls]").TextContent));
    }

    [Fact]
    public void Conventions_IntervalAssumedAndImplausibleQuote_SaidInTheirRows()
    {
        Hub.Publish(_ => World(1, id => Venue(id, 10, implausible: id == "dydx" ? "beyond the venue's cap" : null)));
        Services.GetRequiredService<NavigationManager>().NavigateTo("/venues?venues=dydx");
        var cut = Render<Venues>();

        // The venue chips narrow both tables.
        cut.WaitForAssertion(() => Assert.Equal(["dydx"], cut.FindAll("[data-testid=venues-table] tbody tr").Select(r => r.GetAttribute("data-venue"))));
        Assert.Equal(["M0-USD", "M1-USD", "M2-USD"], cut.FindAll("[data-symbol]").Select(e => e.GetAttribute("data-symbol")));
        Assert.Equal("8 h (assumed)", cut.Find("[data-symbol='M0-USD']").Closest("tr")!.QuerySelector("[data-testid=convention-interval]")!.TextContent);
        Assert.Contains("beyond the venue's cap", cut.Find("[data-symbol='M1-USD']").Closest("tr")!.QuerySelector("[data-testid=convention-implausible]")!.TextContent);
        Assert.Contains("1 market quotes implausibly", cut.Find("[data-testid=conventions-implausible-count]").TextContent);
    }

    [Fact]
    public async Task Conventions_Search_NarrowsTheGrid()
    {
        var cut = Open();
        cut.WaitForAssertion(() => Assert.Equal(9, cut.FindAll("[data-symbol]").Count));
        await cut.Find("[data-testid=conventions-search]").InputAsync(new() { Value = "hyperliquid" });
        cut.WaitForAssertion(() => Assert.Equal(["hyperliquid"], cut.FindAll("[data-symbol]").Select(e => e.GetAttribute("data-venue")).Distinct()), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Dispose_Page_UnsubscribesFromTheHub()
    {
        var baseline = Hub.SubscriberCount;
        Open();
        Assert.Equal(baseline + 1, Hub.SubscriberCount);
        await DisposeComponentsAsync();
        Assert.Equal(baseline, Hub.SubscriberCount);
    }
}
