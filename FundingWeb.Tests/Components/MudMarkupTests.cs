using Bunit;
using FundingWeb.Components.Controls;
using MudBlazor;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>
/// What live pages write as markup in MudBlazor's classes is what MudBlazor itself renders for the component it stands
/// for: an upgrade that renames a class fails here, not silently in the look.
/// </summary>
[Trait("Category", "Fast")]
public sealed class MudMarkupTests : DashboardContext
{
    private static string[] Classes(string? list) => (list ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToArray();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void LinkChip_IsMudChipWithHref(bool on)
    {
        var chip = Render<MudChip<string>>(p => p.Add(c => c.Href, "/funding?asset=BTC").Add(c => c.Size, Size.Small)
            .Add(c => c.Variant, on ? Variant.Filled : Variant.Outlined).Add(c => c.Color, on ? Color.Primary : Color.Default).Add(c => c.Class, "fw-chip").AddChildContent("Aevo"));
        var container = chip.Find("div");
        Assert.Equal(Classes(MudMarkup.ChipContainer), Classes(container.GetAttribute("class")));
        var link = chip.Find("a");
        Assert.Equal(Classes(MudMarkup.LinkChip(on, "fw-chip")), Classes(link.GetAttribute("class")));
        Assert.Equal("mud-chip-content", chip.Find("a > span").GetAttribute("class"));
    }

    [Fact]
    public void OutlinedPaper_IsMudPaperOutlined()
    {
        var paper = Render<MudPaper>(p => p.Add(c => c.Outlined, true).AddChildContent("x"));
        Assert.Equal(Classes(MudMarkup.OutlinedPaper), Classes(paper.Find("div").GetAttribute("class")));
    }

    [Fact]
    public void ExportGroup_IsASmallOutlinedMudButtonGroupOfMudButtons()
    {
        var group = Render<MudButtonGroup>(p => p.Add(c => c.Size, Size.Small).Add(c => c.Variant, Variant.Outlined).Add(c => c.Color, Color.Default)
            .AddChildContent<MudButton>(b => b.AddChildContent("PNG")));
        Assert.Equal(Classes(MudMarkup.OutlinedButtonGroup), Classes(group.Find("div").GetAttribute("class")));
        Assert.Equal(Classes(MudMarkup.GroupButton), Classes(group.Find("button").GetAttribute("class")));
        Assert.Equal("mud-button-label", group.Find("button > span").GetAttribute("class"));
    }

    [Fact]
    public void Chart_ExportRow_IsTheGroupsMarkupWithNoComponents()
    {
        var cut = Render<EChart>(p => p.Add(c => c.Spec, new FundingWeb.Model.Charts.ChartSpec { Kind = "line" }).Add(c => c.Series, []));
        Assert.Empty(cut.FindComponents<MudButton>());
        Assert.Empty(cut.FindComponents<MudButtonGroup>());
        var group = cut.Find(".fw-export");
        Assert.Equal(Classes(MudMarkup.OutlinedButtonGroup + " fw-export"), Classes(group.GetAttribute("class")));
        Assert.Equal(["export-png", "export-svg", "export-csv"], group.QuerySelectorAll("button").Select(b => b.GetAttribute("data-testid")));
        Assert.All(group.QuerySelectorAll("button"), b => Assert.Equal("button", b.GetAttribute("type")));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void LinkButton_IsASmallMudButtonWithHref(bool on)
    {
        var button = Render<MudButton>(p => p.Add(c => c.Href, "/funding?range=7d").Add(c => c.Size, Size.Small)
            .Add(c => c.Variant, on ? Variant.Filled : Variant.Text).Add(c => c.Color, on ? Color.Primary : Color.Default).Add(c => c.Class, on ? "active" : null).AddChildContent("7d"));
        Assert.Equal(Classes(MudMarkup.LinkButton(on)), Classes(button.Find("a").GetAttribute("class")));
        Assert.Equal("mud-button-label", button.Find("a > span").GetAttribute("class"));
    }

    [Fact]
    public void PageTitle_IsMudTextH1()
    {
        var title = Render<MudText>(p => p.Add(c => c.Typo, Typo.h1).AddChildContent("Funding"));
        Assert.Equal(Classes(MudMarkup.PageTitle), Classes(title.Find("h1").GetAttribute("class")));
    }

    [Fact]
    public void DenseTable_IsMudSimpleTableDenseHoverFlat()
    {
        var table = Render<MudSimpleTable>(p => p.Add(c => c.Dense, true).Add(c => c.Hover, true).Add(c => c.Elevation, 0).Add(c => c.Bordered, false)
            .AddChildContent("<tbody><tr><td>1</td></tr></tbody>"));
        Assert.Equal(Classes(MudMarkup.DenseTable), Classes(table.Find("div").GetAttribute("class")));
        Assert.Equal(Classes(MudMarkup.TableContainer), Classes(table.Find("div > div").GetAttribute("class")));
        Assert.NotNull(table.Find("div > div > table"));
    }
}
