namespace FundingWeb.Components.Controls;

/// <summary>
/// MudBlazor's own classes for what a live page shows many times and what has no behaviour of its own: a chip or a button
/// that is only a link, a panel, a title, a static table, a chart's export buttons. Written as elements with these classes, they look exactly as the
/// MudBlazor components render them and cost nothing per circuit; as components each was one to five components (a
/// render tree of at least 32 frames, parameter state, attribute dictionaries: ~5 KB of every circuit, measured with
/// scripts/circuit-heap.sh), which put a Funding circuit over its 500 KB. Anything with state or behaviour (pickers,
/// menus, dialogs, grids, forms, toggles that are not links) stays a MudBlazor component. MudMarkupTests pins each class
/// list against what MudBlazor renders, so an upgrade that changes them fails a test instead of the look.
/// </summary>
public static class MudMarkup
{
    /// <summary>A small chip that is a link: filled in the primary colour when on, outlined otherwise (MudChip with Href).</summary>
    public static string LinkChip(bool on, string? extra = null) =>
        (on ? "mud-chip mud-chip-filled mud-chip-size-small mud-chip-color-primary mud-clickable" : "mud-chip mud-chip-outlined mud-chip-size-small mud-chip-color-default mud-clickable")
        + (extra is null ? "" : " " + extra);

    /// <summary>The element MudChip wraps its chip in.</summary>
    public const string ChipContainer = "mud-chip-container";

    /// <summary>An outlined panel (MudPaper Outlined).</summary>
    public const string OutlinedPaper = "mud-paper mud-paper-outlined";

    /// <summary>A small outlined button group (MudButtonGroup Size.Small, Variant.Outlined, Color.Default).</summary>
    public const string OutlinedButtonGroup =
        "mud-button-group-root mud-button-group-override-styles mud-button-group-outlined mud-button-group-outlined-default mud-button-group-outlined-size-small mud-button-group-horizontal";

    /// <summary>A button inside such a group (the group's classes override its look).</summary>
    public const string GroupButton = "mud-button-root mud-button mud-button-text mud-button-text-default mud-button-text-size-medium mud-ripple";

    /// <summary>A small button that is a link (MudButton with Href): filled in the primary colour when on, text otherwise.</summary>
    public static string LinkButton(bool on) => on
        ? "mud-button-root mud-button mud-button-filled mud-button-filled-primary mud-button-filled-size-small mud-ripple active"
        : "mud-button-root mud-button mud-button-text mud-button-text-default mud-button-text-size-small mud-ripple";

    /// <summary>A page title (MudText Typo.h1).</summary>
    public const string PageTitle = "mud-typography mud-typography-h1";

    /// <summary>A dense, hoverable, flat simple table (MudSimpleTable Dense Hover Elevation 0); the table goes in a <see cref="TableContainer"/>.</summary>
    public const string DenseTable = "mud-table mud-simple-table mud-table-dense mud-table-hover mud-elevation-0";

    public const string TableContainer = "mud-table-container";
}
