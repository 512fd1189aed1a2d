using FundingWeb.Model;

namespace FundingWeb.Components;

/// <summary>
/// Cascaded by the shared-view page: the saved state the server enforces (the URL's query is ignored), the page's own
/// saved settings (<see cref="Extras"/>) and the label. Pages and toolbars render read-only while it is present.
/// </summary>
public sealed record ShareContext(ViewState State, string Label, Core.Sharing.ShareExtras? Extras = null)
{
    public Core.Sharing.ShareExtras PageExtras => Extras ?? Core.Sharing.ShareExtras.None;
}
