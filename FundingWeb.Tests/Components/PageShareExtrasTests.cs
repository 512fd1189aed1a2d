using FundingWeb.Core.Sharing;
using FundingWeb.Model;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>The per-page whitelist of what a share link keeps beyond the common view, each value judged by the page's own parser.</summary>
[Trait("Category", "Fast")]
public sealed class PageShareExtrasTests
{
    private const string Position = "hyperliquid:BTC:long:1000000:2";

    private static string? Refusal(string path, params (string Name, string Value)[] pairs) =>
        PageShareExtras.Instance.Refusal(path, ShareExtras.Of(pairs.Select(p => new KeyValuePair<string, string?>(p.Name, p.Value))));

    public static TheoryData<string, (string, string)[]> Accepted() => new()
    {
        { FundingUrls.OverviewPath, [("mode", "regime")] },
        { FundingUrls.OverviewPath, [("mode", "basis")] },
        { FundingUrls.SpreadsPath, [("notional", "250000")] },
        { FundingUrls.PortfolioPath, [("pos", Position), ("pos", "dydx:ETH:short:250000:20:iso"), ("col", "hyperliquid:300000"), ("delay", "1.5")] },
        { FundingUrls.PortfolioPath, [("pos", Position)] },
        { FundingUrls.FundingPath, [] },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Refusal_WhatThePageKeeps_None(string path, (string, string)[] pairs) => Assert.Null(Refusal(path, pairs));

    public static TheoryData<string, (string, string)[], string> Refused() => new()
    {
        { FundingUrls.FundingPath, [("mode", "regime")], "The page /funding keeps no settings of its own in a link ('mode' given)." },
        { "/nowhere", [("mode", "regime")], "The page /nowhere keeps no settings of its own in a link ('mode' given)." },
        { FundingUrls.SpreadsPath, [("mode", "regime")], "'mode' is not a Spreads setting a link keeps; it keeps notional." },
        { FundingUrls.OverviewPath, [("notional", "5")], "'notional' is not a Overview setting a link keeps; it keeps mode." },
        { FundingUrls.OverviewPath, [("mode", "sideways")], "The Overview heatmap mode 'sideways' is not one of funding, basis, regime." },
        { FundingUrls.OverviewPath, [("mode", "basis"), ("mode", "regime")], "The Overview link gives 'mode' 2 times; at most 1." },
        { FundingUrls.SpreadsPath, [("notional", "abc")], "Notional (USD): 'abc' is not a number above 0 and at most 1,000,000,000,000." },
        { FundingUrls.SpreadsPath, [("notional", "1e13")], "Notional (USD): '1e13' is not a number above 0 and at most 1,000,000,000,000." },
        { FundingUrls.PortfolioPath, [("col", "hyperliquid:300000")], "A shared Portfolio needs its book: no position given." },
        { FundingUrls.PortfolioPath, [("pos", "hyperliquid:BTC:sideways:1000:2")], "The book cannot be shared as it is: Position 1 side: 'sideways' is neither long nor short." },
        { FundingUrls.PortfolioPath, [("pos", Position), ("delay", "9000")], "The book cannot be shared as it is: Exit delay (hours): '9000' is not a number from 0 to 720 (30 days)." },
        { FundingUrls.PortfolioPath, [("pos", Position), ("asset", "ETH")], "'asset' is not a Portfolio setting a link keeps; it keeps pos, col, delay." },
        {
            FundingUrls.PortfolioPath, Enumerable.Range(0, PortfolioQuery.MaxPositions + 1).Select(_ => ("pos", Position)).ToArray(),
            "The Portfolio link gives 'pos' 21 times; at most 20."
        },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Refusal_AnythingElse_SaysWhy(string path, (string, string)[] pairs, string expected) => Assert.Equal(expected, Refusal(path, pairs));

    [Fact]
    public void Describe_TheAdminListSaysWhatEachLinkKeeps()
    {
        ShareScope[] scopes = [.. Fixtures.ShareExtrasScenario.Scopes, new(FundingUrls.FundingPath, null, [], "24h", null, null, "apr")];

        Assert.Equal(["Overview · regime heatmap", "Spreads · $250,000 per leg", "Portfolio · 2 positions", "Funding · " + TimeRange.Parse("24h", null, null).Label],
            scopes.Select(ShareLinkRow.Describe));
    }

    [Fact]
    public void Builders_DefaultsAreKeptAsNothing_OthersAsTheUrlSpellsThem()
    {
        Assert.Empty(PageShareExtras.ForOverview(HeatmapMode.Funding));
        Assert.Empty(PageShareExtras.ForSpreads(SpreadsPageModel.DefaultNotionalUsd));
        Assert.Equal([new("notional", "250000")], PageShareExtras.ForSpreads(250_000));
        var book = new PortfolioQuery([new("dydx", "ETH", FundingWeb.Core.Liquidations.LiquidationSide.Short, 250_000, 20, true)], [new("dydx", 50_000)], 1.5);
        var pairs = book.Parameters();
        var extras = ShareExtras.Of(PageShareExtras.ForPortfolio(Values(pairs, "pos"), Values(pairs, "col"), Values(pairs, "delay").Single()));

        // The admin list's link to the view is the book's own page, parameter for parameter.
        var url = new Uri("http://x" + ShareScopes.ViewUrl(ShareScopes.FromView(FundingUrls.PortfolioPath, ViewState.Default, extras)));
        var q = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(url.Query);
        Assert.Equal("/portfolio", url.AbsolutePath);
        var (back, errors) = PortfolioQuery.Parse(q["pos"].ToArray()!, q["col"].ToArray()!, q["delay"].ToString());
        Assert.Empty(errors);
        Assert.Equal(book.ToUrl(), back.ToUrl());
    }

    private static List<string> Values(IEnumerable<KeyValuePair<string, string?>> pairs, string name) => pairs.Where(p => p.Key == name).Select(p => p.Value!).ToList();
}
