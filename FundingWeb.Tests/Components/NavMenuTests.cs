using Bunit;
using FundingWeb.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>The header's links: plain anchors that mark the page you are on and keep the view you chose.</summary>
[Trait("Category", "Fast")]
public sealed class NavMenuTests : DashboardContext
{
    [Theory]
    [InlineData("/", "Overview")]
    [InlineData("/?basis=8h", "Overview")]
    [InlineData("/funding?asset=ETH", "Funding")]
    [InlineData("/alerts/", "Alerts")]
    [InlineData("/venues", "Venues")]
    [InlineData("/shared-links", "Shared links")]
    [InlineData("/nowhere", null)]
    [InlineData("/fundingx", null)]
    public void Inline_MarksOnlyThePageYouAreOn(string url, string? active)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        var cut = Render<NavMenu>(p => p.Add(c => c.Inline, true));

        var marked = cut.FindAll("nav a.active").Select(a => a.GetAttribute("data-nav")).ToList();
        Assert.Equal(active is null ? [] : [active], marked);
        Assert.All(cut.FindAll("nav a.active"), a => Assert.Equal("page", a.GetAttribute("aria-current")));
        Assert.Equal(10, cut.FindAll("nav a[data-nav]").Count);
    }

    [Fact]
    public void Navigation_MovesTheMarkAndLinksKeepTheAsset()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/");
        var cut = Render<NavMenu>(p => p.Add(c => c.Inline, true));

        navigation.NavigateTo("/open-interest?asset=SOL");

        cut.WaitForAssertion(() => Assert.Equal("Open interest", cut.Find("nav a.active").GetAttribute("data-nav")));
        Assert.Contains("asset=SOL", cut.Find("nav a[data-nav=Funding]").GetAttribute("href"));
    }
}
