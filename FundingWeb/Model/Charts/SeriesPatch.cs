using System.Text.Json.Serialization;

namespace FundingWeb.Model.Charts;

/// <summary>
/// What a same-shape rebuild sends for one series (see <see cref="SeriesDiff"/>): either the points that changed or, when
/// that would not be smaller, the series' whole new data. The chart module applies it in this order: drop <see cref="Remove"/>,
/// set <see cref="Set"/>, then insert <see cref="Insert"/> in order (charts/patch.js).
/// </summary>
/// <param name="Set">[x, y] of points held at x whose y changed.</param>
/// <param name="Remove">The x of points no longer in the series.</param>
/// <param name="Insert">[index, x, y] of new points, by ascending index in the new data.</param>
/// <param name="Data">The whole new data (possibly empty) instead of the changes; null when the changes are sent.</param>
public sealed record SeriesPatch(
    string Id,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<double[]>? Set = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<double>? Remove = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<double[]>? Insert = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<object?>? Data = null);
