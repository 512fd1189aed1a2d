namespace FundingWeb.Core.Charts;

/// <summary>
/// Percentiles with linear interpolation between closest ranks (the spreadsheet PERCENTILE.INC / numpy "linear"
/// definition): rank = q × (n − 1) over the sorted values, so p0 is the minimum, p100 the maximum and a single value is
/// every percentile. Non-finite values are ignored because one NaN from a bad row would otherwise poison the sort.
/// </summary>
public static class Percentiles
{
    /// <param name="q">The percentile as a fraction, 0 ≤ q ≤ 1 (0.95 = p95).</param>
    /// <returns>Null when there is no finite value.</returns>
    public static double? Of(IEnumerable<double> values, double q) => Of(values, [q])[0];

    /// <summary>Several percentiles of one series, sorting it once.</summary>
    public static IReadOnlyList<double?> Of(IEnumerable<double> values, IReadOnlyList<double> qs)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(qs);
        foreach (var q in qs)
        {
            if (!(q >= 0d && q <= 1d))
            {
                throw new ArgumentOutOfRangeException(nameof(qs), q, "A percentile is a fraction between 0 and 1.");
            }
        }
        var sorted = values.Where(double.IsFinite).ToArray();
        Array.Sort(sorted);
        return qs.Select(q => OfSorted(sorted, q)).ToArray();
    }

    public static double? P95(IEnumerable<double> values) => Of(values, 0.95);

    public static double? P99(IEnumerable<double> values) => Of(values, 0.99);

    private static double? OfSorted(double[] sorted, double q)
    {
        if (sorted.Length == 0)
        {
            return null;
        }
        var rank = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(rank);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        var (a, b, t) = (sorted[lower], sorted[upper], rank - lower);
        // The difference of two huge values of opposite sign overflows (and 0 × ∞ is NaN): then the weighted form, which
        // cannot. Clamped to the two neighbours so rounding never puts a lower percentile above a higher one.
        var difference = b - a;
        var value = t == 0 ? a : double.IsFinite(difference) ? a + t * difference : a * (1 - t) + b * t;
        return Math.Clamp(value, a, b);
    }
}
