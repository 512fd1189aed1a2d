using Bunit;
using FundingWeb.Core.Reference;
using FundingWeb.Core.Storage;
using FundingWeb.Core.Venues;
using FundingWeb.Model.Charts;
using Xunit;
using FundingPage = FundingWeb.Components.Pages.Funding;

namespace FundingWeb.Tests.Components.Pages;

/// <summary>
/// The Funding page's CEX reference lines over stored reference rows: one dotted "X (CEX reference)" series per exchange on
/// the page's basis, a newer reading appended by its id on a tick (no history resent), the CSV labelled, a stale feed said.
/// </summary>
[Trait("Category", "Fast")]
public sealed class FundingReferencePageTests : ChartPageContext
{
    private const string Url = "/funding?asset=BTC&range=7d&basis=8h";

    private static VenueStatus Fresh(long nowMs) => VenueStatus.Unknown(ReferenceFeed.FeedId) with { StaleReason = null, LastSuccessMs = nowMs, Polls = 1 };

    /// <summary>Two days of hourly readings: Binance 0.0004 per 4 h and Bybit 0.0008 per 8 h, both 0.0001 per hour.</summary>
    private async Task<ReferenceFeed> SeedAsync()
    {
        var rows = new List<ReferenceQuote>();
        for (var t = World.NowMs - 48 * ChartPageWorld.HourMs; t < World.NowMs; t += ChartPageWorld.HourMs)
        {
            rows.Add(new ReferenceQuote("BTC", "binance", t, 0.0004 / 4, 0.0004, 4, null));
            rows.Add(new ReferenceQuote("BTC", "bybit", t, 0.0008 / 8, 0.0008, 8, null));
        }
        await new ReferenceRateRepository(World.Database.Factory).InsertAsync(rows, default);
        var feed = ReferenceFeed.Empty.With(Fresh(World.NowMs), rows);
        Hub.Publish(_ => World.Snapshot() with { References = feed });
        return feed;
    }

    [Fact]
    public async Task PastedUrl_ReferenceSeriesPerExchange_DottedNamedAsReferenceOnTheBasis()
    {
        await SeedAsync();
        Open<FundingPage>(Url, charts: 4);

        var (spec, series) = Created("funding-BTC-7d");
        var names = series.Select(s => s.Name).ToList();
        Assert.Equal(["Binance (CEX reference)", "Bybit (CEX reference)"], names.Where(n => n.Contains("reference", StringComparison.Ordinal)));
        foreach (var name in new[] { "Binance (CEX reference)", "Bybit (CEX reference)" })
        {
            var i = names.IndexOf(name);
            Assert.Equal(ReferenceSeries.Dash, spec.DashArray![i]);
            Assert.True(series[i].Live);
            Assert.Equal(48, series[i].Data.Count);
            // 0.0001 per hour at the 8h basis, in percent: 0.08, whatever the exchange's own interval.
            Assert.All(series[i].Data.Cast<double[]>(), p => Assert.Equal(0.08, p[1], 9));
            Assert.Contains("not traded here", series[i].Meta!.Market);
        }
        Assert.Equal(["binance", "bybit"], series.Where(s => s.Meta?.Venue.EndsWith("(CEX reference)", StringComparison.Ordinal) == true)
            .Select(s => s.Id["ref:".Length..]));
    }

    [Fact]
    public async Task LiveTick_NewerReading_AppendedByIdAlone_AndInTheCsv()
    {
        var feed = await SeedAsync();
        var cut = Open<FundingPage>(Url, charts: 4);
        var (_, created) = Created("funding-BTC-7d");

        // Binance's next reading: 0.0006 per 4 h = 0.00015 per hour = 0.12 % per 8h. Bybit did not move, so it sends nothing.
        var newer = new ReferenceQuote("BTC", "binance", World.NowMs + 60_000, 0.0006 / 4, 0.0006, 4, null);
        Tick(World.Snapshot(quoteMs: World.NowMs + 5_000, version: 2) with { References = feed.With(Fresh(World.NowMs + 60_000), [newer]) });
        cut.WaitForAssertion(() => Assert.Single(ChartCalls("append")));

        var appends = Appended()[0].Appends;
        var binance = Assert.Single(appends, a => a.Id == "ref:binance");
        Assert.Equal([World.NowMs + 60_000, 0.12], Assert.Single(binance.Points));
        Assert.DoesNotContain(appends, a => a.Id == "ref:bybit");
        Assert.Empty(ChartCalls("replace"));

        cut.FindAll("[data-testid=export-csv]")[0].Click();
        var csv = (string)Assert.Single(ChartCalls("downloadText")).Arg(1)!;
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).Skip(1).ToList();
        Assert.Equal(created.Single(s => s.Name == "Binance (CEX reference)").Data.Count + 1, rows.Count(r => r.Split(',')[1] == "Binance (CEX reference)"));
        Assert.Contains("Bybit (CEX reference)", csv.Split("\r\n").First(l => l.StartsWith("# venue:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task StaleFeed_ReasonShown_LinesKeepTheirReadings()
    {
        var feed = await SeedAsync();
        var stale = feed with { Status = Fresh(World.NowMs) with { StaleSinceMs = World.NowMs, StaleReason = "HTTP 500 Internal Server Error from /info" } };
        Hub.Publish(_ => World.Snapshot() with { References = stale });

        var cut = Open<FundingPage>(Url, charts: 4);

        Assert.Contains("CEX reference feed stale since", cut.Find("[data-testid=reference-stale]").TextContent);
        Assert.Contains("HTTP 500", cut.Find("[data-testid=reference-stale]").TextContent);
        Assert.Contains(Created("funding-BTC-7d").Series, s => s.Name == "Binance (CEX reference)");
    }
}
