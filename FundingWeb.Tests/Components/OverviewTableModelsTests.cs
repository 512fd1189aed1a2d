using FundingWeb.Core.Live;
using FundingWeb.Model;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>The Overview's tables are built once per snapshot and venue filter and shared by every circuit showing them.</summary>
[Trait("Category", "Fast")]
public sealed class OverviewTableModelsTests
{
    private const long NowMs = 1_764_590_400_000;

    private static MarketSnapshot World(long ms) => TestMarkets.Snapshot(ms,
        TestMarkets.Venue("hyperliquid", "Hyperliquid", ms, ("BTC", 0.0000125, 9e9), ("ETH", -0.00002, 5e9)),
        TestMarkets.Venue("aevo", "Aevo", ms, ("BTC", 0.00004, 1e9), ("ETH", 0.00001, 2e9)));

    private static ViewState Showing(params string[] venues) => ViewState.Default with { Venues = new HashSet<string>(venues) };

    [Fact]
    public void SameSnapshotAndFilter_OneBuild_EqualToBuildingIt()
    {
        var models = new OverviewTableModels();
        var world = World(NowMs);

        var a = models.For(world, ViewState.Default);

        Assert.Same(a, models.For(world, ViewState.Default with { Basis = FundingWeb.Core.Funding.RateBasis.EightHour }));
        Assert.Equal(OverviewTables.Build(world, ViewState.Default), a);
        Assert.Equal(2, a.Spreads.Count);
        Assert.Equal(["BTC", "ETH"], a.Concentration.Select(c => c.Asset));
    }

    [Fact]
    public void AnotherFilterOrSnapshot_AnotherBuild_ThatFollowsIt()
    {
        var models = new OverviewTableModels();
        var world = World(NowMs);
        var all = models.For(world, ViewState.Default);

        var hyperliquidOnly = models.For(world, Showing("hyperliquid"));
        Assert.NotSame(all, hyperliquidOnly);
        // One venue shown: no pair to spread, and its own open interest only.
        Assert.Empty(hyperliquidOnly.Spreads);
        Assert.Equal(9e9, hyperliquidOnly.Concentration.Single(c => c.Asset == "BTC").TotalUsd);

        var moved = world.WithVenue(TestMarkets.Polled(world.Venues["aevo"], NowMs + 1000, "BTC", 0.0001), NowMs + 1000);
        Assert.Equal(OverviewTables.Build(moved, ViewState.Default), models.For(moved, ViewState.Default));
        Assert.NotEqual(all, models.For(moved, ViewState.Default));
    }

    /// <summary>A shared link's saved filter is not URL-parsed, so an id may hold a comma: no two filters share a key.</summary>
    [Fact]
    public void VenuesKey_NoTwoFiltersCollide()
    {
        HashSet<string>[] filters = [[], ["a,b"], ["a", "b"], ["b", "a"], ["1:a"], ["a"], ["A"], ["ab"], ["a", "b", "c"], ["a,b", "c"], [""], ["", "a"]];
        var keys = filters.Select(ViewState.VenuesKey).ToList();

        Assert.Equal(keys[2], keys[3]);
        Assert.Equal(filters.Length - 1, keys.Distinct(StringComparer.Ordinal).Count());
    }
}
