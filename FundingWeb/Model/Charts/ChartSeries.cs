namespace FundingWeb.Model.Charts;

/// <summary>
/// One series. <see cref="Data"/> holds [x, y] pairs (x = UTC ms or a number) or, on a category axis, plain y values.
/// y may be null for a gap. Series sent to the browser are downsampled to at most 2,000 points.
/// </summary>
/// <param name="Key">A stable id for live appends (e.g. "hyperliquid:quoted"); the name when not given. Unique within a chart.</param>
public sealed record ChartSeries(
    string Name,
    IReadOnlyList<object?> Data,
    // Sent only when set: a series of another kind than the chart's (the ladder's realised scatter).
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Type = null,
    // What the tooltip needs to show a point's market and its raw value in the venue's own convention.
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] SeriesMeta? Meta = null,
    [property: System.Text.Json.Serialization.JsonIgnore] string? Key = null,
    // A series that live ticks append to: the module draws its newest points over the chart, so a tick repaints only those.
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)] bool Live = false,
    // Series with the same stack pile up (the ladder's measured and modelled notional of one side); null: the chart's rule.
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Stack = null,
    // Values the chart marks but does not trust (implausible rates): drawn inside the plotted range so they never set the
    // axis, with the real value and the note in the tooltip.
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)] bool Marker = false,
    // One note per point (e.g. why a value is not trusted), shown in its tooltip.
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Notes = null)
{
    public const int MaxPoints = 2000;

    /// <summary>What the chart module finds the series by when a tick appends to it.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("id")]
    public string Id => Key ?? Name;

    private readonly IReadOnlyList<object?> _data = Finite(Data);

    /// <summary>
    /// Only finite numbers: a NaN or ∞ cannot be sent to the browser (JSON has no such number, and the serializer throws,
    /// which would break the page's live connection), so a point with one is dropped and a plain value becomes a gap.
    /// Checked here, where every series is made, so no chart builder can forget it. A series with <see cref="Notes"/> must
    /// be built from finite points (a dropped point would shift the notes).
    /// </summary>
    public IReadOnlyList<object?> Data
    {
        get => _data;
        init => _data = Finite(value);
    }

    /// <summary>A series of [x, y] points, kept compact (<see cref="PointList"/>).</summary>
    public static ChartSeries FromPoints(string name, IEnumerable<(long X, double Y)> points, string? type = null) =>
        new(name, PointList.From(points), type);

    private static IReadOnlyList<object?> Finite(IReadOnlyList<object?> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data is PointList or LiveSeries.View) return data; // finite by construction
        var clean = true;
        for (var i = 0; i < data.Count && clean; i++) clean = IsFinite(data[i]);
        if (clean) return data;
        return data.Where(d => d is not double[] || IsFinite(d)).Select(d => d is double v && !double.IsFinite(v) ? null : d).ToList();
    }

    private static bool IsFinite(object? value) => value switch
    {
        double[] point => Array.TrueForAll(point, double.IsFinite),
        double v => double.IsFinite(v),
        _ => true,
    };
}

/// <param name="RawPerDisplayed">Multiply a displayed value by this to get the venue's raw number (null: not derivable, e.g. APY).</param>
public sealed record SeriesMeta(string Venue, string Market, string Unit, double IntervalHours, double? RawPerDisplayed);
