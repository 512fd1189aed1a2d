using Bunit;
using FundingWeb.Components.Pages;
using FundingWeb.Core.Sharing;
using FundingWeb.Model;
using FundingWeb.Tests.Core.Alerts;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>A shared link renders its saved page read-only: no link anywhere, no control in the toolbar, no share or pause.</summary>
[Trait("Category", "Fast")]
public sealed class SharedViewTests : AppServicesContext
{
    private ShareLinkService Links => Services.GetRequiredService<ShareLinkService>();

    public static TheoryData<string> SharedPaths() => [.. SharedView.SharedPaths];

    [Theory]
    [MemberData(nameof(SharedPaths))]
    public async Task SharedView_EveryShareablePage_RendersNoLinkAndNoControl(string path)
    {
        Hub.Publish(_ => new AlertWorld().Rate("dydx", "BTC", 0.0001).Rate("hyperliquid", "BTC", 0.0002).OpenInterest("dydx", "BTC", 1e9).Snapshot());
        var created = await Links.CreateAsync(new ShareScope(path, "BTC", [], "24h", null, null, "8h"), "Desk BTC", "ana", null, default);

        var cut = Render<SharedView>(p => p.Add(v => v.Token, created.Token));

        cut.WaitForAssertion(() => Assert.Contains("Desk BTC", cut.Find("[data-testid=shared-label]").TextContent));
        Assert.Empty(cut.FindAll("a[href]").Select(a => a.OuterHtml));
        Assert.Empty(cut.FindAll("[role=toolbar] button, [role=toolbar] input, [role=toolbar] select, [role=toolbar] a, [role=toolbar] .mud-chip"));
        Assert.Empty(cut.FindAll("input, select, textarea").Select(e => e.OuterHtml));
        Assert.False(cut.Has("share-open"));
        Assert.False(cut.Has("pause"));
        Assert.Empty(cut.FindAll("nav"));
    }

    [Fact]
    public async Task SharedView_PausedThenResumedThenRevoked_ReachesTheOpenPageAtOnce()
    {
        var created = await Links.CreateAsync(new ShareScope(FundingUrls.VenuesPath, null, [], "24h", null, null, "apr"), "Venues", "ana", null, default);
        var cut = Render<SharedView>(p => p.Add(v => v.Token, created.Token));
        cut.WaitForAssertion(() => Assert.True(cut.Has("venues-table")));

        await Links.PauseAsync(created.Link.Id, default);
        Time.Advance(TimeSpan.Zero); // the change signal runs its subscribers on the manual clock
        cut.WaitForAssertion(() => Assert.True(cut.Has("share-revoked")));
        Assert.False(cut.Has("venues-table"));

        await Links.ResumeAsync(created.Link.Id, default);
        Time.Advance(TimeSpan.Zero); // the change signal runs its subscribers on the manual clock
        cut.WaitForAssertion(() => Assert.True(cut.Has("venues-table")));

        await Links.RevokeAsync(created.Link.Id, default);
        Time.Advance(TimeSpan.Zero); // the change signal runs its subscribers on the manual clock
        cut.WaitForAssertion(() => Assert.True(cut.Has("share-revoked")));
    }

    [Fact]
    public async Task SharedView_Disposed_LeavesTheHub()
    {
        var baseline = Hub.SubscriberCount;
        var created = await Links.CreateAsync(new ShareScope(FundingUrls.VenuesPath, null, [], "24h", null, null, "apr"), "Venues", "ana", null, default);
        var cut = Render<SharedView>(p => p.Add(v => v.Token, created.Token));
        cut.WaitForAssertion(() => Assert.True(cut.Has("venues-table")));
        Assert.True(Hub.SubscriberCount > baseline);
        await DisposeComponentsAsync();
        Assert.Equal(baseline, Hub.SubscriberCount);
    }
}
