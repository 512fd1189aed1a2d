using Bunit;
using FundingWeb.Components.Controls;
using FundingWeb.Model;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>
/// The toolbar's custom range: closed, it is one button (no popover, overlay or menu kept for the page's life); open, a form in
/// its own tree whose bad entries say what is wrong and keep it open, and whose good ones navigate to the range's URL.
/// </summary>
[Trait("Category", "Fast")]
public sealed class CustomRangeTests : DashboardContext
{
    private IRenderedComponent<ViewToolbar> Toolbar() =>
        Render<ViewToolbar>(p => p.Add(c => c.Title, "Funding").Add(c => c.Path, FundingUrls.FundingPath).Add(c => c.State, ViewState.Default with { Asset = "BTC" }));

    private async Task<IRenderedComponent<ViewToolbar>> OpenAsync()
    {
        var cut = Toolbar();
        Assert.Empty(cut.FindComponents<MudPopover>());
        Assert.Empty(cut.FindComponents<MudOverlay>());
        Assert.Empty(cut.FindComponents<MudMenu>());
        Assert.Equal("false", cut.Find("[data-testid=range-custom]").GetAttribute("aria-expanded"));
        await cut.Find("[data-testid=range-custom]").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
        // Open, it is the form in the toolbar's own tree: still no popover or overlay components.
        cut.Find("[data-testid=range-form]");
        Assert.Empty(cut.FindComponents<MudPopover>());
        return cut;
    }

    [Fact]
    public async Task Closed_IsOneButton_ClickOpensTheForm_ClickAgainClosesIt()
    {
        var cut = await OpenAsync();
        Assert.Equal("true", cut.Find("[data-testid=range-custom]").GetAttribute("aria-expanded"));
        await cut.Find("[data-testid=range-custom]").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
        Assert.Empty(cut.FindAll("[data-testid=range-form]"));
    }

    [Fact]
    public async Task Open_EscapeOrAClickOutsideClosesIt()
    {
        var cut = await OpenAsync();
        await cut.Find("[data-testid=range-from]").KeyDownAsync(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Escape" });
        Assert.Empty(cut.FindAll("[data-testid=range-form]"));

        await cut.Find("[data-testid=range-custom]").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
        await cut.Find("[data-testid=range-backdrop]").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
        Assert.Empty(cut.FindAll("[data-testid=range-form]"));
    }

    [Fact]
    public async Task Apply_GoodRange_NavigatesToItsUrl()
    {
        var cut = await OpenAsync();
        var navigation = Services.GetRequiredService<NavigationManager>();
        // As Blazor's script sends a datetime-local's value: with seconds (a browser's own value stops at minutes).
        cut.Find("[data-testid=range-from]").Change("2026-11-20T00:00:00");
        cut.Find("[data-testid=range-to]").Change("2026-11-22T06:00:00");
        await cut.Find("[data-testid=range-form]").SubmitAsync();

        var uri = new Uri(navigation.Uri);
        Assert.Equal(FundingUrls.FundingPath, uri.AbsolutePath);
        var state = FundingUrls.Parse(Query(uri, FundingUrls.AssetParameter), null, Query(uri, FundingUrls.RangeParameter), Query(uri, FundingUrls.FromParameter),
            Query(uri, FundingUrls.ToParameter), null, null, null);
        Assert.True(state.Range.IsCustom, navigation.Uri);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero), state.Range.From);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 6, 0, 0, TimeSpan.Zero), state.Range.To);
        Assert.Equal("BTC", state.Asset);
        Assert.Empty(cut.FindAll("[data-testid=range-form]"));
    }

    [Theory]
    [InlineData("2026-11-22T06:00:00", "2026-11-22T06:00:00", "The start must be before the end.")]
    [InlineData("2026-11-23T00:00:00", "2026-11-22T06:00:00", "The start must be before the end.")]
    [InlineData("", "2026-11-22T06:00:00", "Give both a start and an end.")]
    [InlineData("2026-11-22T06:00:00", "", "Give both a start and an end.")]
    public async Task Apply_BadRange_SaysWhyStaysOpenAndDoesNotNavigate(string from, string to, string reason)
    {
        var cut = await OpenAsync();
        var navigation = Services.GetRequiredService<NavigationManager>();
        var before = navigation.Uri;
        cut.Find("[data-testid=range-from]").Change(from);
        cut.Find("[data-testid=range-to]").Change(to);
        await cut.Find("[data-testid=range-form]").SubmitAsync();

        Assert.Equal(reason, cut.Find("[data-testid=range-error]").TextContent);
        Assert.Equal(before, navigation.Uri);
        cut.Find("[data-testid=range-form]");
    }

    private static string? Query(Uri uri, string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query).TryGetValue(name, out var v) ? v.ToString() : null;
}
