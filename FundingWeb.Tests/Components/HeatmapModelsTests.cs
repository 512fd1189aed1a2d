using FundingWeb.Core.Alerts;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Live;
using FundingWeb.Model;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>One heatmap model per snapshot and view, shared by circuits; never more than two snapshots' worth kept.</summary>
[Trait("Category", "Fast")]
public sealed class HeatmapModelsTests
{
    private const long NowMs = 1_764_590_400_000;
    private static readonly Dictionary<string, string> Notes = [];
    private static readonly HashSet<string> All = [];

    private static MarketSnapshot World(long ms) => TestMarkets.Snapshot(ms, TestMarkets.Venue("hyperliquid", "Hyperliquid", ms, ("BTC", 0.0000125, 9e9)));

    [Fact]
    public void SameSnapshotAndView_OneModel_AndOneMarkupPerCell()
    {
        var models = new HeatmapModels();
        var world = World(NowMs);

        var a = models.For(world, RateBasis.Apr, All, Notes, HeatmapMode.Funding, NoFundingRegimes.Instance);
        var b = models.For(world, RateBasis.Apr, new HashSet<string>(), Notes, HeatmapMode.Funding, NoFundingRegimes.Instance);

        Assert.Same(a, b);
        var cell = a.Rows[0].Cells[0];
        Assert.Same(HeatmapCellMarkup.For(cell), HeatmapCellMarkup.For(b.Rows[0].Cells[0]));
    }

    [Fact]
    public void AnotherBasisVenueSetOrMode_AnotherModel()
    {
        var models = new HeatmapModels();
        var world = World(NowMs);
        var apr = models.For(world, RateBasis.Apr, All, Notes, HeatmapMode.Funding, NoFundingRegimes.Instance);

        Assert.NotSame(apr, models.For(world, RateBasis.EightHour, All, Notes, HeatmapMode.Funding, NoFundingRegimes.Instance));
        Assert.NotSame(apr, models.For(world, RateBasis.Apr, new HashSet<string> { "hyperliquid" }, Notes, HeatmapMode.Funding, NoFundingRegimes.Instance));
        Assert.NotSame(apr, models.For(world, RateBasis.Apr, All, Notes, HeatmapMode.Basis, NoFundingRegimes.Instance));
        Assert.NotSame(apr, models.For(world, RateBasis.Apr, All, new Dictionary<string, string>(), HeatmapMode.Funding, NoFundingRegimes.Instance));
    }

    [Fact]
    public void RegimeMode_BuiltEachTime_BecauseRegimesMoveWithoutTheSnapshot()
    {
        var models = new HeatmapModels();
        var world = World(NowMs);

        Assert.NotSame(models.For(world, RateBasis.Apr, All, Notes, HeatmapMode.Regime, NoFundingRegimes.Instance),
            models.For(world, RateBasis.Apr, All, Notes, HeatmapMode.Regime, NoFundingRegimes.Instance));
    }

    [Fact]
    public void ThirdSnapshot_DropsTheOldest()
    {
        var models = new HeatmapModels();
        var (first, second, third) = (World(NowMs), World(NowMs + 1), World(NowMs + 2));
        var kept = models.For(first, RateBasis.Apr, All, Notes, HeatmapMode.Funding, NoFundingRegimes.Instance);
        var secondModel = models.For(second, RateBasis.Apr, All, Notes, HeatmapMode.Funding, NoFundingRegimes.Instance);

        Assert.Same(kept, models.For(first, RateBasis.Apr, All, Notes, HeatmapMode.Funding, NoFundingRegimes.Instance));
        models.For(third, RateBasis.Apr, All, Notes, HeatmapMode.Funding, NoFundingRegimes.Instance);

        Assert.Same(secondModel, models.For(second, RateBasis.Apr, All, Notes, HeatmapMode.Funding, NoFundingRegimes.Instance));
        Assert.NotSame(kept, models.For(first, RateBasis.Apr, All, Notes, HeatmapMode.Funding, NoFundingRegimes.Instance));
    }

    [Fact]
    public void ManyVenueFilters_PastTheCap_BuiltButNotKept()
    {
        var models = new HeatmapModels();
        var world = World(NowMs);
        for (var i = 0; i < 16; i++) models.For(world, RateBasis.Apr, new HashSet<string> { "v" + i }, Notes, HeatmapMode.Funding, NoFundingRegimes.Instance);
        var overflow = new HashSet<string> { "one-too-many" };

        Assert.NotSame(models.For(world, RateBasis.Apr, overflow, Notes, HeatmapMode.Funding, NoFundingRegimes.Instance),
            models.For(world, RateBasis.Apr, overflow, Notes, HeatmapMode.Funding, NoFundingRegimes.Instance));
        // A view kept before the cap is still shared.
        Assert.Same(models.For(world, RateBasis.Apr, new HashSet<string> { "v3" }, Notes, HeatmapMode.Funding, NoFundingRegimes.Instance),
            models.For(world, RateBasis.Apr, new HashSet<string> { "v3" }, Notes, HeatmapMode.Funding, NoFundingRegimes.Instance));
    }

    [Fact]
    public void NextSnapshot_KeepsTheCellsThatDidNotMove_AndOnlyThose()
    {
        var models = new HeatmapModels();
        var first = TestMarkets.Snapshot(NowMs,
            TestMarkets.Venue("hyperliquid", "Hyperliquid", NowMs, ("BTC", 0.0000125, 9e9), ("ETH", -0.00002, 5e9)),
            TestMarkets.Venue("aevo", "Aevo", NowMs, ("BTC", 0.00001, 1e9)));
        var moved = first.WithVenue(TestMarkets.Polled(first.Venues["hyperliquid"], NowMs, "ETH", -0.00003), NowMs + 1000);

        var a = models.For(first, RateBasis.Apr, All, Notes, HeatmapMode.Funding, NoFundingRegimes.Instance);
        var b = models.For(moved, RateBasis.Apr, All, Notes, HeatmapMode.Funding, NoFundingRegimes.Instance);

        Assert.Equal(HeatmapViewModel.Build(moved, RateBasis.Apr, All, Notes), b);
        var (btcA, btcB) = (a.Rows.Single(r => r.Asset == "BTC"), b.Rows.Single(r => r.Asset == "BTC"));
        Assert.Same(btcA, btcB);
        var (ethA, ethB) = (a.Rows.Single(r => r.Asset == "ETH"), b.Rows.Single(r => r.Asset == "ETH"));
        var (movedA, movedB) = (ethA.Cells.Single(c => c?.VenueId == "hyperliquid"), ethB.Cells.Single(c => c?.VenueId == "hyperliquid"));
        Assert.NotEqual(movedA, movedB);
    }
}
