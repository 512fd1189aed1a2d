using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FundingWeb.Components.Controls;

/// <summary>
/// A tooltip that costs nothing until it is wanted: closed, it is this one component around its content; on hover or
/// keyboard focus it opens a MudBlazor popover styled as MudBlazor's tooltip, and closes it on leave or blur. A MudTooltip
/// keeps its popover (four components, each with two render trees) built for the life of the page whether or not anyone
/// hovers, which on a page with a dozen abbreviations was ~120 KB of every circuit. The content's DOM never changes on
/// open or close, so a keyboard user's focus stays where it is.
/// </summary>
public abstract class TipBase : ComponentBase
{
    /// <summary>Above the content (the default, as for abbreviations) or below it (toolbar buttons).</summary>
    [Parameter] public Placement Placement { get; set; } = Placement.Top;

    protected bool Open { get; private set; }

    protected string RootClass(bool inline) => inline ? "mud-tooltip-root mud-tooltip-inline" : "mud-tooltip-root";

    protected Origin AnchorOrigin => Placement == Placement.Bottom ? Origin.BottomCenter : Origin.TopCenter;

    protected Origin TransformOrigin => Placement == Placement.Bottom ? Origin.TopCenter : Origin.BottomCenter;

    protected string PopoverClass => "mud-tooltip d-flex mud-tooltip-default mud-tooltip-arrow " + (Placement == Placement.Bottom ? "mud-tooltip-bottom-center" : "mud-tooltip-top-center");

    protected void Show() => Open = true;

    protected void Hide() => Open = false;
}
