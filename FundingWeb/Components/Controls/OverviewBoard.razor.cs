using FundingWeb.Model;
using Microsoft.AspNetCore.Components;

namespace FundingWeb.Components.Controls;

public partial class OverviewBoard
{
    private OverviewView _view = OverviewView.Empty;
    private (OverviewView, ViewState, bool)? _rendered;

    [Parameter, EditorRequired] public OverviewView View { get; set; } = OverviewView.Empty;
    [Parameter, EditorRequired] public ViewState State { get; set; } = ViewState.Default;
    /// <summary>False on a shared view: assets are named, not linked.</summary>
    [Parameter] public bool Links { get; set; }

    /// <summary>The page's as-of stamp: it re-renders alone on each tick, like on every other live page.</summary>
    [Parameter] public LiveStamp? Stamp { get; set; }
    [Parameter] public EventCallback<(string Venue, string Asset)> OnSelect { get; set; }
    [Parameter] public EventCallback OnCloseSource { get; set; }

    /// <summary>A parent render passes the page's latest view, the same one the last <see cref="Show"/> had.</summary>
    protected override void OnParametersSet() => _view = View;

    /// <summary>A live tick's view: rendered when it differs from what is on screen.</summary>
    public void Show(OverviewView view)
    {
        _view = view;
        StateHasChanged();
    }

    protected override bool ShouldRender()
    {
        var shown = (_view, State, Links);
        if (_rendered == shown) return false;
        _rendered = shown;
        return true;
    }

    protected override void OnInitialized() => _rendered = (View, State, Links);
}
