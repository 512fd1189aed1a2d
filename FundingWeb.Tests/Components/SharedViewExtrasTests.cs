using Bunit;
using FundingWeb.Components.Pages;
using FundingWeb.Core.Sharing;
using FundingWeb.Model;
using FundingWeb.Tests.Core.Alerts;
using FundingWeb.Tests.Fixtures;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>
/// Each page's own settings survive a share link: created, opened at /s/{token} (with a query string that tries to say
/// otherwise), and the page shows the saved book, notional or heatmap mode, read-only.
/// </summary>
[Trait("Category", "Fast")]
public sealed class SharedViewExtrasTests : AppServicesContext
{
    private ShareLinkService Links => Services.GetRequiredService<ShareLinkService>();

    private async Task<IRenderedComponent<SharedView>> OpenAsync(ShareScope scope, string tamperedQuery)
    {
        Hub.Publish(_ => new AlertWorld().Rate("hyperliquid", "BTC", 0.0001).Rate("dydx", "ETH", -0.0001).Rate("dydx", "BTC", 0.0002)
            .OpenInterest("dydx", "BTC", 1e9).Snapshot());
        var created = await Links.CreateAsync(scope, "Desk", "ana", null, default);
        Services.GetRequiredService<NavigationManager>().NavigateTo(ShareScopes.ShareUrl(created.Token) + tamperedQuery);
        var cut = Render<SharedView>(p => p.Add(v => v.Token, created.Token));
        cut.WaitForAssertion(() => Assert.True(cut.Has("shared-view")));
        return cut;
    }

    [Fact]
    public async Task SharedOverview_KeepsItsHeatmapMode_WhateverTheQuery()
    {
        var cut = await OpenAsync(ShareExtrasScenario.Scopes[0], "?mode=basis");

        cut.WaitForAssertion(() => Assert.Equal("regime", cut.Find("caption[data-mode]").GetAttribute("data-mode")));
        Assert.Empty(cut.FindAll("[data-mode] a, a[data-mode], .fw-heatmap-modes"));
    }

    [Fact]
    public async Task SharedSpreads_KeepsItsNotional_WhateverTheQuery()
    {
        var cut = await OpenAsync(ShareExtrasScenario.Scopes[1], "?notional=5");

        cut.WaitForAssertion(() => Assert.Equal("Slippage at $250,000 per leg", cut.Find("[data-testid=spreads-notional-shown]").TextContent.Trim()));
        Assert.False(cut.Has("spreads-notional"));
    }

    [Fact]
    public async Task SharedPortfolio_KeepsItsBookAndDelay_ReadOnly_WhateverTheQuery()
    {
        var cut = await OpenAsync(ShareExtrasScenario.Scopes[2], "?pos=dydx:BTC:long:5:1&col=dydx:1&delay=700");

        cut.WaitForAssertion(() => Assert.True(cut.Has("portfolio-table")));
        Assert.Equal([ShareExtrasScenario.Book, "dydx:ETH:short:250000:20:iso"],
            cut.FindAll("[data-testid=portfolio-book] li[data-position]").Select(li => li.GetAttribute("data-position")!));
        Assert.Equal(["hyperliquid"], cut.FindAll("[data-testid=portfolio-book] li[data-collateral]").Select(li => li.GetAttribute("data-collateral")!));
        Assert.Contains("1.5 h", cut.Find("[data-testid=portfolio-own-delay]").TextContent, StringComparison.Ordinal);
        Assert.All(cut.FindAll("[data-testid=portfolio-exit] tbody tr"), tr => Assert.Equal("yours", tr.GetAttribute("data-source")));
        Assert.Equal(["hyperliquid cross", "dydx ETH isolated"], cut.FindAll("[data-testid=portfolio-exit] tbody tr").Select(tr => tr.GetAttribute("data-account")!));
        Assert.Empty(cut.FindAll("input, select, textarea, a[href]").Select(e => e.OuterHtml));
        Assert.False(cut.Has("portfolio-form"));
        Assert.False(cut.Has("pause"));
        Assert.False(cut.Has("share-open"));
    }
}
