using FundingWeb.Model;
using Microsoft.AspNetCore.Components;

namespace FundingWeb.Components.Controls;

public partial class SpreadsGrid
{
    private ValueList<SpreadRow> _rows;
    private List<SpreadGridLine> _lines = [];
    private readonly Dictionary<string, SpreadGridLine> _byAsset = new(StringComparer.Ordinal);
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
        if (_rendered?.Item1 != _rows) _lines = Lines(_rows);
        _rendered = shown;
        return true;
    }

    protected override void OnInitialized() => _lines = Lines(Rows);

    /// <summary>The venues a line's chart link shows: both legs, or the venue leg of a pair against a reference.</summary>
    private static HashSet<string> ChartVenues(SpreadRow row) =>
        row.VenueLeg is { } venue ? [venue] : [row.Spread.ShortVenue, row.Spread.LongVenue];

    /// <summary>The same line object for an asset (and its reference pair) on every tick, with this tick's row in it; assets gone are dropped.</summary>
    private List<SpreadGridLine> Lines(ValueList<SpreadRow> rows)
    {
        var lines = new List<SpreadGridLine>(rows.Count);
        foreach (var row in rows)
        {
            if (_byAsset.TryGetValue(row.Key, out var line)) line.Row = row;
            else _byAsset[row.Key] = line = new SpreadGridLine(row);
            lines.Add(line);
        }
        if (_byAsset.Count > lines.Count)
        {
            var kept = lines.Select(l => l.Row.Key).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in _byAsset.Keys.Where(a => !kept.Contains(a)).ToList()) _byAsset.Remove(gone);
        }
        return lines;
    }

    private void Search(string? text) => _search = string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private bool Matches(SpreadGridLine line) => _search is not { } s
        || line.Asset.Contains(s, StringComparison.OrdinalIgnoreCase)
        || line.ShortVenueName.Contains(s, StringComparison.OrdinalIgnoreCase)
        || line.LongVenueName.Contains(s, StringComparison.OrdinalIgnoreCase);
}
