using Bunit;
using FundingWeb.Components.Controls;
using MudBlazor;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>Tooltips build their popover only while open, and opening never rebuilds what they wrap.</summary>
[Trait("Category", "Fast")]
public sealed class TipTests : DashboardContext
{
    [Fact]
    public async Task Abbr_ClosedHasNoPopover_HoverOpensItLeaveClosesIt()
    {
        var cut = Render<Abbr>(p => p.Add(c => c.Text, "HHI").Add(c => c.Title, "Herfindahl–Hirschman index"));
        var abbr = cut.Find("abbr").OuterHtml;
        Assert.Empty(cut.FindComponents<MudPopover>());

        await cut.Find(".mud-tooltip-root").TriggerEventAsync("onmouseenter", new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
        var popover = Assert.Single(cut.FindComponents<MudPopover>());
        Assert.True(popover.Instance.Open);
        Assert.Contains("mud-tooltip-top-center", popover.Instance.Class);
        Assert.Equal(abbr, cut.Find("abbr").OuterHtml);

        await cut.Find(".mud-tooltip-root").TriggerEventAsync("onmouseleave", new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
        Assert.Empty(cut.FindComponents<MudPopover>());
    }

    [Fact]
    public async Task Term_FocusOpensWithTheTermsMeaning_BlurCloses()
    {
        var provider = Render<MudPopoverProvider>();
        var cut = Render<Term>(p => p.Add(c => c.Name, "HHI"));

        await cut.Find(".mud-tooltip-root").TriggerEventAsync("onfocusin", new Microsoft.AspNetCore.Components.Web.FocusEventArgs());
        Assert.Single(cut.FindComponents<MudPopover>());
        provider.WaitForAssertion(() => Assert.Contains(FundingWeb.Model.Terms.Define("HHI"), provider.Find(".mud-tooltip").TextContent));

        await cut.Find(".mud-tooltip-root").TriggerEventAsync("onfocusout", new Microsoft.AspNetCore.Components.Web.FocusEventArgs());
        Assert.Empty(cut.FindComponents<MudPopover>());
    }

    [Fact]
    public async Task Tip_Below_ForToolbarButtons()
    {
        var cut = Render<Tip>(p => p.Add(c => c.Text, "per 8 hours").Add(c => c.Placement, Placement.Bottom).AddChildContent("<button>8H</button>"));

        await cut.Find(".mud-tooltip-root").TriggerEventAsync("onmouseenter", new Microsoft.AspNetCore.Components.Web.MouseEventArgs());

        var popover = Assert.Single(cut.FindComponents<MudPopover>());
        Assert.Contains("mud-tooltip-bottom-center", popover.Instance.Class);
        Assert.Equal(Origin.BottomCenter, popover.Instance.AnchorOrigin);
        Assert.Single(cut.FindAll("button"));
    }
}
