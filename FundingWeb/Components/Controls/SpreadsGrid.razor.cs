using FundingWeb.Model;
using Microsoft.AspNetCore.Components;

namespace FundingWeb.Components.Controls;

public partial class SpreadsGrid
{
    private ValueList<SpreadRow> _rows;
    private string? _search;
    private (ValueList<SpreadRow>, string, ViewState, bool, string?)? _rendered;

    [Parameter, EditorRequired] public ValueList<SpreadRow> Rows { get; set; }
    [Parameter, EditorRequired] public string HoldLabel { get; set; } = "7d";
    [Parameter, EditorRequired] public ViewState State { get; set; } = ViewState.Default;
    /// <summary>False on a shared view: no chart links.</summary>
    [Parameter] public bool Links { get; set; }

    protected override void OnParametersSet() => _rows = Rows;

    /// <summary>A live tick's rows: rendered when they differ from what is on screen.</summary>
    public void Show(ValueList<SpreadRow> rows)
    {
        _rows = rows;
        StateHasChanged();
    }

    protected override bool ShouldRender()
    {
        var shown = (_rows, HoldLabel, State, Links, _search);
        if (_rendered == shown) return false;
        _rendered = shown;
        return true;
    }

    private void Search(string? text) => _search = string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private bool Matches(SpreadRow row) => _search is not { } s
        || row.Asset.Contains(s, StringComparison.OrdinalIgnoreCase)
        || row.ShortVenueName.Contains(s, StringComparison.OrdinalIgnoreCase)
        || row.LongVenueName.Contains(s, StringComparison.OrdinalIgnoreCase);
}
