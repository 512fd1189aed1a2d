using System.Collections;

namespace FundingWeb.Model.Charts;

/// <summary>
/// A series' [x, y] points kept as one flat array (16 B a point) instead of one <c>double[2]</c> per point (40 B, and a
/// list slot each time a list holds it): a year of Funding (12 series × 2,000 points, and its other charts) was 2.7 MB of
/// every circuit that showed it. Read as the chart data it stands for: each element is a fresh <c>double[] { x, y }</c>,
/// so what reads a series (serialising, diffing, exporting) sees what it always saw; what it keeps is its own. Built only
/// from finite points (<see cref="ChartSeries"/> does not check it again).
/// </summary>
public sealed class PointList : IReadOnlyList<object?>
{
    private readonly double[] _xy;

    private PointList(double[] xy) => _xy = xy;

    public static readonly PointList Empty = new([]);

    /// <summary>The points in their order; a point with a NaN or ∞ is dropped (JSON has no such number).</summary>
    public static PointList From(IEnumerable<(long X, double Y)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var xy = new List<double>(points.TryGetNonEnumeratedCount(out var n) ? 2 * n : 16);
        foreach (var (x, y) in points)
        {
            if (!double.IsFinite(y)) continue;
            xy.Add(x);
            xy.Add(y);
        }
        return xy.Count == 0 ? Empty : new PointList([.. xy]);
    }

    public int Count => _xy.Length / 2;

    public double X(int index) => _xy[2 * index];

    public double Y(int index) => _xy[2 * index + 1];

    public object? this[int index] => (uint)index < (uint)Count ? new[] { _xy[2 * index], _xy[2 * index + 1] } : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<object?> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return new[] { _xy[2 * i], _xy[2 * i + 1] };
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
