using System.Collections.Immutable;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Live;
using FundingWeb.Core.Venues;
using FundingWeb.Model;
using Xunit;

namespace FundingWeb.Tests.Components;

[Trait("Category", "Fast")]
public class HeatmapViewModelTests
{
    internal static MarketSnapshot Snapshot()
    {
        VenueSnapshot Venue(string id, string name, bool stale, params (string Asset, string Symbol, double Rate1h, double Raw, double Interval, RateUnit Unit, double OiUsd)[] markets)
        {
            var info = new VenueInfo(id, name, "test", TimeSpan.Zero, 0.0005, true);
            var quotes = markets.ToImmutableDictionary(m => m.Symbol, m => new MarketQuote(
                new Market(id, m.Symbol, m.Asset, m.Interval, 50, 0.01),
                [new FundingQuote(FundingLeg.Net, m.Rate1h, m.Raw, m.Interval, m.Unit, 1000, 1000, $"https://{id}.example/markets#funding")],
                100, 100, 1, m.OiUsd, null, null, 1000));
            var status = stale ? VenueStatus.Unknown(id) with { StaleSinceMs = 1, StaleReason = "HTTP 503" } : VenueStatus.Unknown(id) with { LastSuccessMs = 1, StaleSinceMs = null, StaleReason = null };
            return VenueSnapshot.Empty(info) with { Markets = quotes, Status = status };
        }

        return MarketSnapshot.Empty
            .WithVenue(Venue("hyperliquid", "Hyperliquid", false, ("BTC", "BTC", 0.0000125, 0.0000125, 1, RateUnit.Fraction, 9e9), ("ETH", "ETH", -0.00002, -0.00002, 1, RateUnit.Fraction, 5e9)), 1)
            .WithVenue(Venue("paradex", "Paradex", true, ("BTC", "BTC-USD-PERP", -0.0013379, -0.0107034, 8, RateUnit.Fraction, 1e9)), 2);
    }

    [Fact]
    public void Build_AssetsByOpenInterestVenuesAsColumns_MissingListingIsNull()
    {
        var model = HeatmapViewModel.Build(Snapshot(), RateBasis.Apr);

        Assert.Equal(["hyperliquid", "paradex"], model.Venues.Select(v => v.VenueId));
        Assert.Equal(["BTC", "ETH"], model.Rows.Select(r => r.Asset));
        Assert.Null(model.Rows[1].Cells[1]);
        Assert.True(model.Venues[1].IsStale);
    }

    [Fact]
    public void Build_CellValue_IsTheBasisOfRate1hWithSignAndTooltip()
    {
        var model = HeatmapViewModel.Build(Snapshot(), RateBasis.Apr);
        var btcHl = model.Rows[0].Cells[0]!;
        var btcParadex = model.Rows[0].Cells[1]!;

        Assert.Equal("+10.95", btcHl.Display);
        Assert.Equal(1, btcHl.Sign);
        // −1.07034 % per 8h → −0.13379 % per hour → −1,172 % APR.
        Assert.Equal("-1172.00", btcParadex.Display);
        Assert.Equal(-1, btcParadex.Sign);
        Assert.Equal(1, btcParadex.Intensity);
        Assert.StartsWith("Paradex · BTC-USD-PERP", btcParadex.Title);
    }

    [Fact]
    public void Build_RawValueMovesOnOneVenue_TitlesStayAndOnlyThatCellDiffers()
    {
        var before = HeatmapViewModel.Build(Snapshot(), RateBasis.Apr);
        var snapshot = Snapshot();
        var hl = snapshot.Venues["hyperliquid"];
        var btc = hl.Markets["BTC"];
        var moved = snapshot.WithVenue(hl with { Markets = hl.Markets.SetItem("BTC", btc with { Legs = [btc.Legs[0] with { Rate1h = 0.0000126, RateRaw = 0.0000126 }] }) }, 3);

        var after = HeatmapViewModel.Build(moved, RateBasis.Apr);

        // The title says where the number comes from, not the number: a new raw value leaves it as it was.
        Assert.Equal(before.Rows[0].Cells[0]!.Title, after.Rows[0].Cells[0]!.Title);
        Assert.DoesNotContain("0.0000125", before.Rows[0].Cells[0]!.Title);
        Assert.NotEqual(before.Rows[0].Cells[0], after.Rows[0].Cells[0]);
        // Everything else compares equal by value, so its component is left unrendered.
        Assert.Equal(before.Rows[0].Cells[1], after.Rows[0].Cells[1]);
        Assert.Equal(before.Rows[1], after.Rows[1]);
        Assert.Equal(before.Venues, after.Venues);
        Assert.NotEqual(before, after);
        Assert.Equal(before, HeatmapViewModel.Build(Snapshot(), RateBasis.Apr));
    }

    [Fact]
    public void Build_ImplausibleUnverifiedAndGmxLongLeg_TitleSaysWhyAndTheLegendFlagsAreSet()
    {
        var snapshot = Snapshot();
        var hl = snapshot.Venues["hyperliquid"];
        var btc = hl.Markets["BTC"];
        snapshot = snapshot.WithVenue(hl with
        {
            Markets = hl.Markets.SetItem("BTC", btc with { Legs = [btc.Legs[0] with { Leg = FundingLeg.Long, Implausible = "beyond the venue's cap" }] }),
        }, 3);

        var model = HeatmapViewModel.Build(snapshot, RateBasis.Apr, unverifiedNotes: new Dictionary<string, string> { ["hyperliquid"] = "unit not seen live" });
        var cell = model.Rows[0].Cells[0]!;

        Assert.Equal(("beyond the venue's cap", 0, 0d), (cell.Implausible, cell.Sign, cell.Intensity));
        Assert.True(cell.Unverified);
        Assert.Contains("long side's rate", cell.Title);
        Assert.Contains("⚠ unverified convention: unit not seen live", cell.Title);
        Assert.Contains("⚠ implausible, not trusted: beyond the venue's cap", cell.Title);
        Assert.True(model.AnyImplausible);
        Assert.True(model.AnyUnverified);
        Assert.False(HeatmapViewModel.Build(Snapshot(), RateBasis.Apr).AnyImplausible);
    }

    [Fact]
    public void Build_VenueFilter_KeepsOnlyThoseColumns()
    {
        var model = HeatmapViewModel.Build(Snapshot(), RateBasis.EightHour, new HashSet<string> { "paradex" });
        Assert.Equal(["paradex"], model.Venues.Select(v => v.VenueId));
        Assert.Equal(["BTC"], model.Rows.Select(r => r.Asset));
        Assert.Equal("-1.0703", model.Rows[0].Cells[0]!.Display);
    }

    [Fact]
    public void Background_ColoursBySignNotProfitOrLoss()
    {
        var model = HeatmapViewModel.Build(Snapshot(), RateBasis.Apr);
        Assert.StartsWith("rgba(59, 130, 246,", HeatmapViewModel.Background(model.Rows[0].Cells[0]!));
        Assert.StartsWith("rgba(249, 115, 22,", HeatmapViewModel.Background(model.Rows[1].Cells[0]!));
    }
}
