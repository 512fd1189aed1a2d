using AngleSharp.Dom;
using Bunit;
using FundingWeb.Components;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>
/// A click on a heatmap cell as the browser reports it: FundingWeb.lib.module.js reads the clicked button's cell's
/// data-venue and data-asset and raises <c>cellselect</c> on the table; bUnit runs no JS, so this does the same from the DOM.
/// </summary>
internal static class HeatmapCells
{
    public static Task SelectAsync(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> cut, string venue, string asset) =>
        SelectAsync(cut.Find("[data-testid=funding-heatmap]"), venue, asset);

    public static Task SelectAsync(IElement table, string venue, string asset)
    {
        var cell = table.QuerySelector($"td[data-venue='{venue}'][data-asset='{asset}']") ?? throw new InvalidOperationException($"no cell {venue}/{asset}");
        Assert.NotNull(cell.QuerySelector("button.fw-cell-button"));
        return table.TriggerEventAsync("oncellselect", new CellSelectEventArgs { Venue = cell.GetAttribute("data-venue"), Asset = cell.GetAttribute("data-asset") });
    }
}
