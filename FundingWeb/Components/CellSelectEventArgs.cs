namespace FundingWeb.Components;

/// <summary>
/// A click on a heatmap cell, told by the cell's own <c>data-venue</c> and <c>data-asset</c> (read in the browser by
/// <c>FundingWeb.lib.module.js</c>). One handler on the table instead of one per cell: the cells are markup, not
/// components, so an Overview circuit holds one render tree for the grid instead of one per cell.
/// </summary>
public sealed class CellSelectEventArgs : EventArgs
{
    public string? Venue { get; set; }

    public string? Asset { get; set; }
}
