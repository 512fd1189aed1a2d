using Bunit;
using FundingWeb.Components;
using FundingWeb.Components.Controls;
using FundingWeb.Components.Pages;
using FundingWeb.Core.Depth;
using FundingWeb.Core.Ingest;
using FundingWeb.Core.Storage;
using FundingWeb.Core.Venues.Simulator;
using FundingWeb.Model;
using FundingWeb.Tests.Fixtures;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>
/// The Spreads page over the real pipeline: simulated venues polled on the manual clock, ingested into a real SQLite
/// file and published to the hub. The grid stays live and keeps what the user set (sort, search, hidden columns).
/// </summary>
[Trait("Category", "Fast")]
public sealed class SpreadsPageTests : DashboardContext
{
    private readonly TempDatabase _db = new();
    private readonly VenueIngestor _ingestor;
    private readonly List<(SimulatedVenueClient Client, VenueStatusTracker Tracker)> _venues;

    public SpreadsPageTests()
    {
        var world = new SimulatedWorld(new SimulatorOptions { Seed = 7, BackfillDays = 0, CongestionEveryHours = 0 }, Time);
        _ingestor = new VenueIngestor(new MarketDataRepository(_db.Factory), Hub, Time);
        _venues = world.Venues.Select(p => (new SimulatedVenueClient(world, p), new VenueStatusTracker(p.Info.Id, TimeSpan.FromMinutes(5)))).ToList();
        Services.AddSingleton(Options.Create(new StorageOptions()));
        Services.AddSingleton(new HistoryQueries(_db.Factory));
        Services.AddSingleton(Books);
        Services.AddSingleton(new SlippageService(Hub, Books, Time, new DepthOptions()));
    }

    private DepthBookStore Books { get; } = new();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _db.Dispose();
    }

    /// <summary>Every venue polls once, as the poller would: fetched, written in one transaction, published.</summary>
    private async Task PollAllAsync()
    {
        foreach (var (client, tracker) in _venues)
        {
            await _ingestor.IngestAsync(client.Venue, await client.PollAsync(default), tracker, 40, default);
        }
    }

    /// <summary>Twenty minutes of polls, every ten, so quoted history says how long each pair has held.</summary>
    private async Task<IRenderedComponent<Spreads>> RenderAfterHistoryAsync(string url)
    {
        for (var i = 0; i < 3; i++)
        {
            if (i > 0) Time.Advance(TimeSpan.FromMinutes(10));
            await PollAllAsync();
        }
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return Render<Spreads>();
    }

    /// <summary>Every venue polls again and the page's (1 s) tick has been handled.</summary>
    private async Task TickAsync(IRenderedComponent<Spreads> cut)
    {
        // The simulated market moves in 5 s steps.
        Time.Advance(TimeSpan.FromSeconds(6));
        await PollAllAsync();
        Time.Advance(TimeSpan.FromSeconds(1.5));
        await cut.InvokeAsync(() => { });
    }

    private static List<string> Column(IRenderedComponent<Spreads> cut, string testId) =>
        cut.FindAll($"[data-testid=spreads-table] tbody [data-testid={testId}]").Select(e => e.TextContent.Trim()).ToList();

    private static List<string> Assets(IRenderedComponent<Spreads> cut) =>
        cut.FindAll("[data-testid=spreads-table] tbody [data-asset]").Select(e => e.GetAttribute("data-asset")!).ToList();

    [Fact]
    public async Task FromUrl_HoldWindow_ChipsNetHeaderWidestFirstAndHeldFillsIn()
    {
        var cut = await RenderAfterHistoryAsync("/spreads?window=30d");

        var chips = cut.FindAll("a[data-window]");
        Assert.Equal(["24h", "7d", "30d"], chips.Select(c => c.GetAttribute("data-window")));
        Assert.Equal(["30d"], chips.Where(c => c.ClassList.Contains("active")).Select(c => c.GetAttribute("data-window")));
        Assert.Equal("/spreads?window=24h", chips[0].GetAttribute("href"));
        Assert.Contains("Net, 30d hold", cut.Find("[data-testid=spreads-table] thead").TextContent);
        var spreads = Column(cut, "spread-apr").Select(s => double.Parse(s.TrimEnd('%', ' '), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(spreads.Count >= 10, $"{spreads.Count} rows");
        Assert.Equal(spreads.OrderByDescending(s => s), spreads);
        // "Held for" comes from the stored week of quotes, read after the first paint.
        cut.WaitForAssertion(() => Assert.Contains(Column(cut, "spread-held"), h => h.EndsWith(" min", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Tick_NewRates_GridUpdatesAndKeepsTheUsersSortSearchAndHiddenColumns()
    {
        var cut = await RenderAfterHistoryAsync("/spreads");
        var grid = cut.FindComponent<MudDataGrid<SpreadGridLine>>();
        await cut.InvokeAsync(() => grid.Instance.SetSortAsync(nameof(SpreadGridLine.Asset), SortDirection.Ascending, l => l.Asset, null));
        await cut.InvokeAsync(() => grid.Instance.RenderedColumns.Single(c => c.Title == "Break-even").HideAsync());
        var before = Column(cut, "spread-apr");
        var assets = Assets(cut);
        Assert.True(assets.Count >= 10);
        Assert.Equal(assets.Order(StringComparer.Ordinal), assets);

        var lines = grid.Instance.Items!.ToDictionary(l => l.Asset);

        await TickAsync(cut);

        cut.WaitForAssertion(() => Assert.NotEqual(before, Column(cut, "spread-apr")));
        Assert.Equal(assets, Assets(cut));
        // The grid keys its rows by item: the same line objects, with new rows in them, keep every row in place.
        Assert.All(grid.Instance.Items!, l => Assert.Same(lines[l.Asset], l));
        Assert.DoesNotContain("Break-even", cut.Find("[data-testid=spreads-table] thead").TextContent);

        // Asset or venue, any case; no venue's name holds "eth".
        cut.Find("input[data-testid=spreads-search]").Input("eth");
        cut.WaitForAssertion(() => Assert.Equal(["ETH"], Assets(cut)));
        var eth = Column(cut, "spread-apr");
        await TickAsync(cut);
        cut.WaitForAssertion(() => Assert.NotEqual(eth, Column(cut, "spread-apr")));
        Assert.Equal(["ETH"], Assets(cut));
    }

    [Fact]
    public async Task Notional_FromUrl_NetAfterSlippageWalksBothLegsBooks_InAndOut_AndChipsKeepIt()
    {
        await PollAllAsync();
        var now = Time.GetUtcNow().ToUnixTimeMilliseconds();
        // Every venue's BTC book: best bid 99.9, best ask 100.1 around a mid of 100, deep enough for any notional here: 0.1 % a
        // side, whichever pair is widest when the page renders.
        foreach (var venue in Hub.Current.Venues.Values)
        {
            if (venue.ForAsset("BTC") is not { } btc) continue;
            Books.Set(OrderBook.Create(venue.Venue.Id, btc.Market.Symbol, [new BookLevel(99.9, 1e9)], [new BookLevel(100.1, 1e9)], now, now, "test"));
        }

        var cut = await RenderAfterHistoryAsync("/spreads?notional=250000");

        Assert.Equal("250000", cut.Find("input[data-testid=spreads-notional]").GetAttribute("value"));
        Assert.Equal("/spreads?window=24h&notional=250000", cut.FindAll("a[data-window]")[0].GetAttribute("href"));
        var row = cut.FindAll("[data-testid=spreads-table] tbody tr").Single(tr => tr.QuerySelector("[data-asset=BTC]") is not null);
        var shown = row.QuerySelector("[data-testid=spread-net-slippage]")!.TextContent.Trim();
        var net = double.Parse(row.QuerySelector("[data-testid=spread-net]")!.TextContent.Trim().TrimEnd('%', ' '), System.Globalization.CultureInfo.InvariantCulture) / 100;
        // Four walks of 0.1 % (short sold in and bought out, long bought in and sold out), paid once over a 7-day hold.
        var expected = net - 0.004 * 8760 / 168;
        // Both figures are shown to 0.01 %: they agree within the two roundings.
        Assert.InRange(double.Parse(shown.TrimEnd('%', ' '), System.Globalization.CultureInfo.InvariantCulture) - expected * 100, -0.011, 0.011);
        Assert.Equal("measured (book)", row.QuerySelector("[data-testid=spread-slippage-kind]")!.TextContent.Trim());
        // Other assets have no book read: no figure, and it says why.
        var other = cut.FindAll("[data-testid=spreads-table] tbody tr").First(tr => tr.QuerySelector("[data-asset=BTC]") is null);
        Assert.Equal("–", other.QuerySelector("[data-testid=spread-net-slippage]")!.TextContent.Trim());
        Assert.Equal("no book", other.QuerySelector("[data-testid=spread-slippage-kind]")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("NaN")]
    [InlineData("1e13")]
    public async Task Notional_BadInUrl_SaysSoAndWalksTheDefault(string notional)
    {
        var cut = await RenderAfterHistoryAsync("/spreads?notional=" + Uri.EscapeDataString(notional));
        Assert.StartsWith($"Notional (USD): '{notional}' is not a number", cut.ErrorAt("spreads-notional"), StringComparison.Ordinal);
        Assert.Equal("/spreads?window=24h", cut.FindAll("a[data-window]")[0].GetAttribute("href"));
    }

    [Fact]
    public async Task Pause_FreezesTheGridAndResumeShowsTheLatest()
    {
        var cut = await RenderAfterHistoryAsync("/spreads");
        cut.Find("[data-testid=pause]").Click();
        var frozen = Column(cut, "spread-apr");

        await TickAsync(cut);
        Assert.Equal(frozen, Column(cut, "spread-apr"));

        cut.Find("[data-testid=pause]").Click();
        cut.WaitForAssertion(() => Assert.NotEqual(frozen, Column(cut, "spread-apr")));
    }

    [Fact]
    public async Task Dispose_UnsubscribesFromTheHub()
    {
        var subscribers = Hub.SubscriberCount;
        await RenderAfterHistoryAsync("/spreads");
        Assert.Equal(subscribers + 1, Hub.SubscriberCount);

        await DisposeComponentsAsync();

        Assert.Equal(subscribers, Hub.SubscriberCount);
    }

    [Fact]
    public async Task SharedView_GridWithoutChipsLinksOrPause()
    {
        await PollAllAsync();
        Services.GetRequiredService<NavigationManager>().NavigateTo("/s/token");
        var cut = Render<Spreads>(p => p.AddCascadingValue(new ShareContext(ViewState.Default with { Window = "24h" }, "Desk")));

        Assert.NotEmpty(Assets(cut));
        Assert.Empty(cut.FindAll("a[data-window], a[href], [data-testid=pause], [data-testid=share-open]"));
        Assert.Contains("Net, 24h hold", cut.Find("[data-testid=spreads-table] thead").TextContent);
    }
}
