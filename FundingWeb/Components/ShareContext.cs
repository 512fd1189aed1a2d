using FundingWeb.Model;

namespace FundingWeb.Components;

/// <summary>
/// Cascaded by the shared-view page: the saved state the server enforces (the URL's query is ignored) and the label.
/// Pages and toolbars render read-only while it is present.
/// </summary>
public sealed record ShareContext(ViewState State, string Label);
