namespace FundingWeb.Model.Charts;

/// <summary>
/// The shape of a chart. Changing any of it redraws the chart; changing only the data does not.
/// Serialised to the JS module (camelCase), which maps it onto ECharts options.
/// </summary>
public sealed record ChartSpec
{
    public string Kind { get; init; } = "line";
    public string XType { get; init; } = "datetime";
    public string? XTitle { get; init; }
    public string? YTitle { get; init; }
    public string? YUnit { get; init; }
    public int YDecimals { get; init; } = 2;
    public int? XDecimals { get; init; }
    public bool Stacked { get; init; }
    public bool Horizontal { get; init; }
    public int Height { get; init; } = 320;
    public string? Curve { get; init; }
    public double? StrokeWidth { get; init; }
    public string? FileName { get; init; }
    public string? NoData { get; init; }
    public IReadOnlyList<string>? Categories { get; init; }
    public IReadOnlyList<string>? Colors { get; init; }
    /// <summary>Per-series dash length (0 = solid), in series order.</summary>
    public IReadOnlyList<int>? DashArray { get; init; }
    public int? Markers { get; init; }
    /// <summary>One tooltip for all series at an x; only for series that share their x values.</summary>
    public bool SharedTooltip { get; init; } = true;
    public IReadOnlyList<ChartLine>? YLines { get; init; }
    /// <summary>The vertical markers move with every tick (the ladder's price now): drawn over the chart, not by a redraw.</summary>
    public bool LiveMarkers { get; init; }
    /// <summary>Vertical markers (e.g. the current price). They move with the data, so they are not part of the shape.</summary>
    public IReadOnlyList<ChartLine>? XLines { get; init; }

    /// <summary>
    /// Value equality that looks inside the lists, so an equal spec never redraws. Not sent to the browser. A digest of
    /// the spec's JSON (without the markers), worked out once per spec: a chart keeps the key of what it drew, and as the
    /// JSON itself that was ~1 KB per chart in every circuit, serialised again on every render.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string ShapeKey => ShapeKeys.GetValue(this, static spec =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(spec with { XLines = null }))));

    /// <summary>Per instance, not a field: a record's <c>with</c> copies fields, so a cached key would follow a changed copy.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ChartSpec, string> ShapeKeys = new();
}

public sealed record ChartLine(double Value, string Label, string? Color = null);
