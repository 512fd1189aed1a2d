using FundingWeb.Core.Live;
using FundingWeb.Model;
using Xunit;

namespace FundingWeb.Tests.Components;

[Trait("Category", "Fast")]
public sealed class OverviewViewTests
{
    private const long NowMs = 1_764_590_400_000;
    private static readonly Dictionary<string, string> NoNotes = [];

    private static MarketSnapshot World(int assets) => TestMarkets.Snapshot(NowMs,
        TestMarkets.Venue("dydx", "dYdX v4", NowMs - 600_000, [.. Enumerable.Range(0, assets).Select(i => ($"A{i}", 0.00001 * i, 1e6 * (i + 1)))]),
        TestMarkets.Venue("aevo", "Aevo", NowMs - 600_000, [.. Enumerable.Range(0, assets).Select(i => ($"A{i}", -0.00001 * i, 1e6 * (i + 1)))]));

    [Theory]
    [InlineData(0L, "waiting for the first poll")]
    [InlineData(1_764_590_400_000L, "2025-12-01 12:00:00 UTC")]
    [InlineData(long.MaxValue, "–")]
    [InlineData(long.MinValue, "–")]
    public void Build_AsOf_EveryTimeAStampCanCarry(long asOfMs, string expected)
    {
        var snapshot = World(2) with { AsOfMs = asOfMs };
        Assert.Equal(expected, OverviewView.Build(snapshot, ViewState.Default, NowMs, NoNotes, null).AsOf);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(40)]
    public void Build_Tables_AtMostSixRowsWidestAndLargestFirst(int assets)
    {
        var view = OverviewView.Build(World(assets), ViewState.Default, NowMs, NoNotes, null);

        Assert.Equal(Math.Min(assets, OverviewView.TableRows), view.Spreads.Count);
        Assert.Equal(Math.Min(assets, OverviewView.TableRows), view.Concentration.Count);
        Assert.Equal(view.Spreads.OrderByDescending(s => s.SpreadApr), view.Spreads);
        Assert.Equal(view.Concentration.OrderByDescending(c => c.TotalUsd), view.Concentration);
    }

    [Fact]
    public void Build_SameSnapshotTwice_EqualPartByPart()
    {
        // A tick that polled no venue: the same snapshot, a second later.
        var world = World(8);
        var a = OverviewView.Build(world, ViewState.Default, NowMs, NoNotes, ("dydx", "A3"));
        var b = OverviewView.Build(world, ViewState.Default, NowMs + 1000, NoNotes, ("dydx", "A3"));

        Assert.Equal(a, b);
        Assert.Equal("dYdX v4", a.Source!.VenueName);
    }

    [Theory]
    [InlineData("dydx", "A3", true)]
    [InlineData("dydx", "NOPE", false)]
    [InlineData("gone", "A3", false)]
    public void Build_SelectedCell_SourceOrNothingOnceTheMarketIsGone(string venue, string asset, bool found) =>
        Assert.Equal(found, OverviewView.Build(World(8), ViewState.Default, NowMs, NoNotes, (venue, asset)).Source is not null);
}
