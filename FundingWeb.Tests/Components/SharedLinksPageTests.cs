using Bunit;
using FundingWeb.Components.Pages;
using FundingWeb.Core.Sharing;
using FundingWeb.Model;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>The shared-links grid: each action changes the link's state, and the grid follows every change at once.</summary>
[Trait("Category", "Fast")]
public sealed class SharedLinksPageTests : AppServicesContext
{
    private ShareLinkService Links => Services.GetRequiredService<ShareLinkService>();

    private static ShareScope Scope(string asset) => new(FundingUrls.FundingPath, asset, ["dydx"], "7d", null, null, "8h");

    [Fact]
    public async Task Actions_PauseResumeRevoke_ChangeTheLinkAndTheRowAtOnce()
    {
        var link = await Links.CreateAsync(Scope("ETH"), "Desk ETH", "ana", null, default);
        await Links.CreateAsync(Scope("BTC"), "Desk BTC", "bo", Time.GetUtcNow().AddDays(7), default);
        var cut = Render<SharedLinks>();
        var row = () => cut.Find($"[data-link='{link.Link.Id}']").Closest("tr")!;

        cut.WaitForAssertion(() => Assert.Equal("Active", row().QuerySelector("[data-state]")!.GetAttribute("data-state")));
        Assert.Equal("ana", row().QuerySelector("[data-testid=link-creator]")!.TextContent);
        Assert.Equal(ShareScopes.ViewUrl(Scope("ETH")), row().QuerySelector("a")!.GetAttribute("href"));

        await row().QuerySelector("[data-testid=pause-link]")!.ClickAsync(new());
        Time.Advance(TimeSpan.Zero); // the change signal's timers run on the manual clock
        cut.WaitForAssertion(() => Assert.Equal("Paused", row().QuerySelector("[data-state]")!.GetAttribute("data-state")));
        Assert.Equal(ShareLinkState.Paused, (await Links.GetAsync(link.Link.Id, default))!.State);
        Assert.Null(row().QuerySelector("[data-testid=pause-link]"));

        await row().QuerySelector("[data-testid=resume-link]")!.ClickAsync(new());
        Time.Advance(TimeSpan.Zero); // the change signal's timers run on the manual clock
        cut.WaitForAssertion(() => Assert.Equal("Active", row().QuerySelector("[data-state]")!.GetAttribute("data-state")));

        await row().QuerySelector("[data-testid=revoke-link]")!.ClickAsync(new());
        Time.Advance(TimeSpan.Zero); // the change signal's timers run on the manual clock
        cut.WaitForAssertion(() => Assert.Equal("Revoked", row().QuerySelector("[data-state]")!.GetAttribute("data-state")));
        Assert.Empty(row().QuerySelectorAll("button"));
        Assert.Equal(ShareLinkState.Revoked, (await Links.GetAsync(link.Link.Id, default))!.State);
    }

    [Fact]
    public async Task Grid_ChangeMadeElsewhere_ShowsWithoutAReload_AndNewestFirst()
    {
        var older = await Links.CreateAsync(Scope("ETH"), "Older", "ana", null, default);
        Time.Advance(TimeSpan.FromMinutes(1));
        await Links.CreateAsync(Scope("BTC"), "Newer", "ana", null, default);
        var cut = Render<SharedLinks>();
        cut.WaitForAssertion(() => Assert.Equal(["Newer", "Older"], cut.FindAll("[data-link]").Select(e => e.TextContent)));

        await Links.RevokeAsync(older.Link.Id, default);
        Time.Advance(TimeSpan.Zero); // the change signal's timers run on the manual clock
        cut.WaitForAssertion(() => Assert.Equal("Revoked", cut.Find($"[data-link='{older.Link.Id}']").GetAttribute("data-state")));
    }

    [Fact]
    public void Row_ExpiredActiveLink_SaysExpiredAndOffersOnlyRevoke()
    {
        var scope = Scope("ETH");
        var row = ShareLinkRow.From(new ShareLink(1, "L", "ana", scope, 0, null, 1_000, ShareLinkState.Active), nowMs: 2_000);
        Assert.Equal(("Expired", false, false, true), (row.StateLabel, row.CanPause, row.CanResume, row.CanRevoke));
        Assert.Equal(("never", "1970-01-01 00:00"), (row.LastOpened, row.Expires));
    }

    [Theory]
    [InlineData("/funding", "ETH", "7d", new[] { "dydx" }, "Funding · ETH · 7d · dydx")]
    [InlineData("/", null, "24h", new string[0], "Overview")]
    [InlineData("/venues", null, "24h", new string[0], "Venues")]
    [InlineData("/retired-page", "BTC", "30d", new string[0], "/retired-page · BTC · 30d")]
    public void Describe_NamesThePageAndWhatTheLinkFixes(string path, string? asset, string range, string[] venues, string expected) =>
        Assert.Equal(expected, ShareLinkRow.Describe(new ShareScope(path, asset, venues, range, null, null, "apr")));
}
