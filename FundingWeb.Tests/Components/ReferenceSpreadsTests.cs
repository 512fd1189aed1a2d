using Bunit;
using FundingWeb.Components.Pages;
using FundingWeb.Core.Depth;
using FundingWeb.Core.Ingest;
using FundingWeb.Core.Reference;
using FundingWeb.Core.Storage;
using FundingWeb.Core.Venues.Simulator;
using FundingWeb.Model;
using FundingWeb.Tests.Fixtures;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>
/// Spreads with CEX reference legs over the real pipeline: simulated venues and the simulated predictedFundings ingested
/// into a real SQLite file and published. A pair against a reference is one row per asset beside the venue pair, the
/// reference leg marked "reference (not traded here)", and only the venue leg's fees (and slippage) counted.
/// </summary>
[Trait("Category", "Fast")]
public sealed class ReferenceSpreadsTests : DashboardContext
{
    private readonly TempDatabase _db = new();
    private readonly SimulatedWorld _world;

    public ReferenceSpreadsTests()
    {
        _world = new SimulatedWorld(new SimulatorOptions { Seed = 7, BackfillDays = 0, CongestionEveryHours = 0 }, Time);
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

    private async Task PollAsync()
    {
        var ingestor = new VenueIngestor(new MarketDataRepository(_db.Factory), Hub, Time);
        foreach (var profile in _world.Venues)
        {
            var client = new SimulatedVenueClient(_world, profile);
            await ingestor.IngestAsync(client.Venue, await client.PollAsync(default), new VenueStatusTracker(profile.Info.Id, TimeSpan.FromMinutes(5)), 40, default);
        }
        var reading = await new SimulatedReferenceSource(_world).ReadAsync(default);
        await new ReferenceIngestor(new ReferenceRateRepository(_db.Factory), Hub, Time)
            .IngestAsync(reading, new VenueStatusTracker(ReferenceFeed.FeedId, TimeSpan.FromMinutes(3)), 10, default);
    }

    [Fact]
    public async Task Build_ReferenceLeg_WidestVenueVsReference_VenueFeesOnly()
    {
        await PollAsync();
        var snapshot = Hub.Current;

        var rows = SpreadsPageModel.Build(snapshot, ViewState.Default, 168, new Dictionary<string, IReadOnlyList<FundingPoint>>(), Time.GetUtcNow().ToUnixTimeMilliseconds());

        var btc = rows.Single(r => r.Asset == "BTC" && r.ReferenceExchange is not null);
        Assert.Single(rows, r => r.Asset == "BTC" && r.ReferenceExchange is null);
        var venueLeg = btc.VenueLeg!;
        var venue = snapshot.Venues[venueLeg];
        var venueRate = venue.ForAsset("BTC")!.PlausibleFunding!.Rate1h;
        var reference = snapshot.References.Latest("BTC", btc.ReferenceExchange!)!;
        // The widest of every fresh venue against every reference of the asset.
        var widest = snapshot.Venues.Values.Select(v => v.ForAsset("BTC")?.PlausibleFunding?.Rate1h).OfType<double>()
            .SelectMany(v => snapshot.References.For("BTC").Select(r => Math.Abs(v - r.Rate1h))).Max();
        Assert.Equal(widest * 8760, btc.SpreadApr, 12);
        Assert.Equal(Math.Abs(venueRate - reference.Rate1h) * 8760, btc.SpreadApr, 12);
        // 2 × (venue fee + 0): the reference leg is not traded here.
        Assert.Equal(2 * venue.Venue.TakerFee, btc.Spread.RoundTripFees, 15);
        Assert.Equal(btc.SpreadApr - 2 * venue.Venue.TakerFee * 8760 / 168, btc.NetApr, 12);
        Assert.Null(btc.Held);
        Assert.Equal(ReferenceExchanges.Label(btc.ReferenceExchange!), btc.ShortIsReference ? btc.ShortVenueName : btc.LongVenueName);
    }

    [Fact]
    public async Task Build_StaleReferenceFeed_NoReferenceRow()
    {
        await PollAsync();
        var ingestor = new ReferenceIngestor(new ReferenceRateRepository(_db.Factory), Hub, Time);
        await ingestor.FailAsync(new VenueStatusTracker(ReferenceFeed.FeedId, TimeSpan.FromMinutes(3)), "HTTP 500", 1, default);

        var rows = SpreadsPageModel.Build(Hub.Current, ViewState.Default, 168, new Dictionary<string, IReadOnlyList<FundingPoint>>(), 0);

        Assert.DoesNotContain(rows, r => r.ReferenceExchange is not null);
        Assert.Contains(rows, r => r.Asset == "BTC");
    }

    [Fact]
    public async Task Page_ReferenceRows_MarkedNotTradedHere_WithTheVenueLegOnlyInTheCells()
    {
        await PollAsync();
        Services.GetRequiredService<NavigationManager>().NavigateTo("/spreads");

        var cut = Render<Spreads>();

        var markers = cut.FindAll("[data-testid=spreads-table] tbody [data-testid=spread-reference]");
        Assert.NotEmpty(markers);
        Assert.All(markers, m => Assert.Equal("reference (not traded here)", m.TextContent.Trim()));
        Assert.Equal(markers.Count, cut.FindAll("[data-testid=spreads-table] tbody [data-testid=spread-net-reference]").Count);
        var line = markers[0].Closest("tr")!;
        Assert.Contains("(CEX reference)", line.TextContent);
        Assert.Contains("no fees or slippage counted for this leg", line.QuerySelector("[data-testid=spread-net-slippage]")!.GetAttribute("title"));
        // Its chart link shows the venue leg only (a reference is not a venue id).
        Assert.DoesNotContain("ref%3A", line.QuerySelector("a[href^='/funding']")!.GetAttribute("href"));
    }
}
