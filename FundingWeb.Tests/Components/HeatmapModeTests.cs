using System.Collections.Immutable;
using FundingWeb.Core.Alerts;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Live;
using FundingWeb.Core.Regimes;
using FundingWeb.Core.Venues;
using FundingWeb.Model;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>The Overview heatmap's modes: premium cells from mark and index, regime cells with their rule, and the mode in the URL.</summary>
[Trait("Category", "Fast")]
public sealed class HeatmapModeTests
{
    private static MarketSnapshot World(double? mark, double? index)
    {
        var market = new Market("dydx", "BTC-USD", "BTC", 1, 20, 0.03);
        var quote = new MarketQuote(market, [new FundingQuote(FundingLeg.Net, 0.0001, 0.0001, 1, RateUnit.Fraction, 0, 0, "t")], mark, index, 10, 1e9, null, null, 0);
        var venue = VenueSnapshot.Empty(new VenueInfo("dydx", "dYdX v4", "appchain", TimeSpan.FromHours(1), 0.0005, true)) with
        {
            Status = new VenueStatus("dydx", 0, null, null, null, null, 10, 0, 1, 0),
            Markets = ImmutableDictionary<string, MarketQuote>.Empty.Add(market.Symbol, quote),
        };
        return new MarketSnapshot(1, 0, true, ImmutableSortedDictionary<string, VenueSnapshot>.Empty.Add("dydx", venue));
    }

    private sealed class OneRegime(FundingRegime regime) : IFundingRegimes
    {
        public FundingRegime? For(string venue, string symbol) => venue == "dydx" && symbol == "BTC-USD" ? regime : null;
    }

    [Theory]
    [InlineData(101d, 100d, "+1.000 %", 1)]
    [InlineData(99.9, 100d, "-0.100 %", -1)]
    [InlineData(100d, null, "n/a", 0)]
    [InlineData(100d, 0d, "n/a", 0)]
    [InlineData(double.NaN, 100d, "n/a", 0)]
    public void BasisMode_CellIsThePremium_MarkOverIndex(double? mark, double? index, string shown, int sign)
    {
        var cell = HeatmapViewModel.Build(World(mark, index), RateBasis.Apr, mode: HeatmapMode.Basis).Rows.Single().Cells.Single()!;
        Assert.Equal(shown, cell.Display);
        Assert.Equal(sign, cell.Sign);
        Assert.Contains("premium", cell.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void RegimeMode_CellIsTheLabel_TitlePrintsTheRule()
    {
        var regime = new FundingRegime(FundingRegimeLabel.Extreme, 2.5, 0.00001, 0.00002, 12, 0, 0.0001, [], 720);
        var cell = HeatmapViewModel.Build(World(100, 100), RateBasis.Apr, mode: HeatmapMode.Regime, regimes: new OneRegime(regime)).Rows.Single().Cells.Single()!;
        Assert.Equal("extreme", cell.Display);
        Assert.Contains("z = +2.50", cell.Title, StringComparison.Ordinal);
        Assert.Contains(FundingRegime.Rule, cell.Title, StringComparison.Ordinal);

        var unknown = HeatmapViewModel.Build(World(100, 100), RateBasis.Apr, mode: HeatmapMode.Regime).Rows.Single().Cells.Single()!;
        Assert.Equal("unknown", unknown.Display);
        Assert.Equal(0, unknown.Sign);
    }

    [Theory]
    [InlineData(null, HeatmapMode.Funding)]
    [InlineData("", HeatmapMode.Funding)]
    [InlineData("BASIS", HeatmapMode.Basis)]
    [InlineData("premium", HeatmapMode.Basis)]
    [InlineData(" regime ", HeatmapMode.Regime)]
    [InlineData("=cmd()", HeatmapMode.Funding)]
    public void Mode_ParsedLeniently_AndRoundTripsThroughTheUrl(string? token, HeatmapMode expected)
    {
        var mode = HeatmapModes.Parse(token);
        Assert.Equal(expected, mode);
        var url = HeatmapModes.Url(ViewState.Default, mode);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + url).Query);
        Assert.Equal(mode, HeatmapModes.Parse(query.TryGetValue(HeatmapModes.Parameter, out var v) ? v.ToString() : null));
        if (mode == HeatmapMode.Funding) Assert.Equal("/", url);
    }
}
