namespace FundingWeb.Core.Charts;

/// <summary>
/// Largest-Triangle-Three-Buckets downsampling: keeps the points that carry a series' visual shape (spikes, flips)
/// where plain decimation would drop them. Used server-side so no browser chart gets more than
/// <see cref="MaxPointsPerSeries"/> points per series.
/// </summary>
public static class Lttb
{
    /// <summary>The product's chart budget (PRODUCT.md, Budgets).</summary>
    public const int MaxPointsPerSeries = 2000;

    /// <summary>
    /// Returns min(<paramref name="threshold"/>, count) points. The first and last input points are always kept when
    /// two or more are returned; with a threshold of 1 the last point is returned, because on a live chart the latest
    /// value is the one that matters.
    /// </summary>
    /// <param name="points">Sorted by x (non-decreasing); x is UTC Unix ms.</param>
    public static IReadOnlyList<ChartPoint> Downsample(IReadOnlyList<ChartPoint> points, int threshold)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentOutOfRangeException.ThrowIfNegative(threshold);
        EnsureSortedByX(points);

        var n = points.Count;
        if (threshold >= n)
        {
            return points.ToArray();
        }
        if (threshold == 0)
        {
            return [];
        }
        if (threshold == 1)
        {
            return [points[n - 1]];
        }
        if (threshold == 2)
        {
            return [points[0], points[n - 1]];
        }

        var sampled = new ChartPoint[threshold];
        sampled[0] = points[0];
        // The first and last points are fixed; the n − 2 between them are split into threshold − 2 buckets.
        var bucketSize = (double)(n - 2) / (threshold - 2);
        var previous = 0;
        for (var bucket = 0; bucket < threshold - 2; bucket++)
        {
            var start = (int)Math.Floor(bucket * bucketSize) + 1;
            var end = (int)Math.Floor((bucket + 1) * bucketSize) + 1;
            var (nextX, nextY) = NextBucketAverage(points, end, (int)Math.Floor((bucket + 2) * bucketSize) + 1);

            var a = points[previous];
            var chosen = start;
            var largestArea = -1d;
            for (var i = start; i < end; i++)
            {
                // Twice the triangle's area; the factor does not change which point wins.
                var area = Math.Abs((a.X - nextX) * (points[i].Y - a.Y) - (a.X - (double)points[i].X) * (nextY - a.Y));
                if (area > largestArea)
                {
                    largestArea = area;
                    chosen = i;
                }
            }
            sampled[bucket + 1] = points[chosen];
            previous = chosen;
        }
        sampled[threshold - 1] = points[n - 1];
        return sampled;
    }

    /// <summary>Downsamples every series of a chart to at most <paramref name="maxPoints"/> points each.</summary>
    public static IReadOnlyDictionary<TKey, IReadOnlyList<ChartPoint>> DownsampleAll<TKey>(
        IReadOnlyDictionary<TKey, IReadOnlyList<ChartPoint>> series, int maxPoints = MaxPointsPerSeries)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(series);
        return series.ToDictionary(s => s.Key, s => Downsample(s.Value, maxPoints));
    }

    private static (double X, double Y) NextBucketAverage(IReadOnlyList<ChartPoint> points, int start, int end)
    {
        // The last bucket's "next bucket" is the fixed last point.
        end = Math.Min(end, points.Count);
        if (start >= end)
        {
            var last = points[points.Count - 1];
            return (last.X, last.Y);
        }
        double sumX = 0, sumY = 0;
        for (var i = start; i < end; i++)
        {
            sumX += points[i].X;
            sumY += points[i].Y;
        }
        var count = end - start;
        return (sumX / count, sumY / count);
    }

    private static void EnsureSortedByX(IReadOnlyList<ChartPoint> points)
    {
        for (var i = 1; i < points.Count; i++)
        {
            if (points[i].X < points[i - 1].X)
            {
                throw new ArgumentException($"Points must be sorted by x; index {i} goes back in time.", nameof(points));
            }
        }
    }
}
