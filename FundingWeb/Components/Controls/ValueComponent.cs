using Microsoft.AspNetCore.Components;

namespace FundingWeb.Components.Controls;

/// <summary>
/// A component that shows one value and renders again only when that value changes (by <c>Equals</c>: records and
/// <see cref="Model.ValueList{T}"/> compare by content). A parent that re-renders on a live tick passes its children
/// new but equal values; this keeps them, and the markup they would re-send, as they were.
/// </summary>
public abstract class ValueComponent<TValue> : ComponentBase
{
    private TValue? _rendered;

    /// <summary>Everything the markup depends on, from the parameters.</summary>
    protected abstract TValue Shown { get; }

    // Parameters are set before OnInitialized: the first render shows this value.
    protected override void OnInitialized() => _rendered = Shown;

    protected override bool ShouldRender()
    {
        var shown = Shown;
        if (EqualityComparer<TValue>.Default.Equals(shown, _rendered)) return false;
        _rendered = shown;
        return true;
    }
}
