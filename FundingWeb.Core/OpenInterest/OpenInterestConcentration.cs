namespace FundingWeb.Core.OpenInterest;

/// <summary>
/// Shares by venue, HHI and changes of one asset's open interest (PRODUCT.md, Open interest). Pass the samples of one
/// asset across venues. Samples whose USD value is not a plausible amount (<see cref="UsdAmount"/>: negative,
/// non-finite or beyond any real market) are ignored as garbage, so every total, share and HHI is finite.
/// </summary>
public static class OpenInterestConcentration
{
    public const long HourMs = 3_600_000;

    /// <summary>A venue missing from an hour bucket keeps its previous value for at most this many buckets.</summary>
    public const int MaxCarriedBuckets = 2;

    /// <summary>
    /// Default staleness for <see cref="At"/>: a venue's last sample counts for the current hour plus the same
    /// <see cref="MaxCarriedBuckets"/> the hourly series carries it, so the snapshot and the series agree.
    /// </summary>
    public static TimeSpan DefaultMaxAge { get; } = TimeSpan.FromHours(1 + MaxCarriedBuckets);

    /// <summary>Σ share²; null when the total is not positive. Negative and non-finite values are ignored.</summary>
    public static double? Hhi(IEnumerable<double> usdByVenue)
    {
        ArgumentNullException.ThrowIfNull(usdByVenue);
        var values = usdByVenue.Where(v => double.IsFinite(v) && v >= 0).ToArray();
        var max = values.Length == 0 ? 0 : values.Max();
        if (!(max > 0)) return null;
        // Shares of the values scaled by the largest: the same ratios, and a sum that cannot overflow.
        var total = values.Sum(v => v / max);
        return values.Sum(v => (v / max / total) * (v / max / total));
    }

    /// <summary>
    /// The breakdown at <paramref name="atMs"/>: each venue's last sample at or before it (no older than
    /// <paramref name="maxAge"/>), with changes against the same rule applied 1h and 24h earlier.
    /// </summary>
    public static OpenInterestBreakdown At(string asset, IEnumerable<OpenInterestSample> samples, long atMs, TimeSpan? maxAge = null)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var ageMs = (long)(maxAge ?? DefaultMaxAge).TotalMilliseconds;
        var byVenue = samples.Where(s => IsValid(s.Usd))
            .GroupBy(s => s.Venue, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.TimeMs).ToArray(), StringComparer.Ordinal);

        var now = LatestPerVenue(byVenue, atMs, ageMs);
        var hourAgo = LatestPerVenue(byVenue, atMs - HourMs, ageMs);
        var dayAgo = LatestPerVenue(byVenue, atMs - 24 * HourMs, ageMs);
        var total = now.Values.Sum(s => s.Usd);

        var shares = now.Values
            .Select(s => new OpenInterestShare(
                s.Venue, s.TimeMs, s.Usd, total > 0 ? s.Usd / total : 0, Plausible(s.LongUsd), Plausible(s.ShortUsd),
                OpenInterestChange.Between(hourAgo.GetValueOrDefault(s.Venue)?.Usd, s.Usd),
                OpenInterestChange.Between(dayAgo.GetValueOrDefault(s.Venue)?.Usd, s.Usd)))
            .OrderByDescending(s => s.Usd).ThenBy(s => s.Venue, StringComparer.Ordinal)
            .ToArray();

        return new OpenInterestBreakdown(
            asset, atMs, total, Hhi(now.Values.Select(s => s.Usd)), shares,
            LikeForLike(hourAgo, now), LikeForLike(dayAgo, now));
    }

    /// <summary>Most buckets one <see cref="HhiSeries"/> call fills: the caller widens the bucket for a longer span.</summary>
    public const int MaxSeriesBuckets = 100_000;

    /// <summary>
    /// HHI per UTC bucket (an hour unless <paramref name="bucketMs"/> says otherwise) from <paramref name="fromMs"/>'s
    /// bucket to <paramref name="toMs"/>'s bucket, both included. Each venue counts with its last sample in the bucket; a
    /// venue missing from a bucket carries its previous bucket's value forward for at most <see cref="MaxCarriedBuckets"/>
    /// buckets, then drops out until it reports again.
    /// </summary>
    public static IReadOnlyList<OpenInterestHhiPoint> HhiSeries(IEnumerable<OpenInterestSample> samples, long fromMs, long toMs, long bucketMs = HourMs)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bucketMs);
        long Bucket(long timeMs) => FloorDiv(timeMs, bucketMs);
        var firstBucket = Bucket(fromMs);
        var lastBucket = Bucket(toMs);
        if (lastBucket - firstBucket >= MaxSeriesBuckets)
        {
            throw new ArgumentOutOfRangeException(nameof(bucketMs), bucketMs, $"More than {MaxSeriesBuckets} buckets from {fromMs} to {toMs}: use wider buckets.");
        }
        // Per venue: bucket index → last USD value seen in that bucket (samples are ordered, so later ones overwrite).
        var buckets = new SortedDictionary<string, Dictionary<long, double>>(StringComparer.Ordinal);
        foreach (var s in samples.Where(s => IsValid(s.Usd)).OrderBy(s => s.TimeMs))
        {
            var b = Bucket(s.TimeMs);
            if (b < firstBucket - MaxCarriedBuckets || b > lastBucket)
            {
                continue;
            }
            if (!buckets.TryGetValue(s.Venue, out var venueBuckets))
            {
                buckets[s.Venue] = venueBuckets = [];
            }
            venueBuckets[b] = s.Usd;
        }

        var points = new List<OpenInterestHhiPoint>();
        for (var b = firstBucket; b <= lastBucket; b++)
        {
            var values = new List<double>();
            foreach (var venueBuckets in buckets.Values)
            {
                for (var back = 0; back <= MaxCarriedBuckets; back++)
                {
                    if (venueBuckets.TryGetValue(b - back, out var usd))
                    {
                        values.Add(usd);
                        break;
                    }
                }
            }
            points.Add(new OpenInterestHhiPoint(b * bucketMs, Hhi(values), values.Sum(), values.Count));
        }
        return points;
    }

    private static Dictionary<string, OpenInterestSample> LatestPerVenue(
        Dictionary<string, OpenInterestSample[]> byVenue, long atMs, long maxAgeMs)
    {
        var latest = new Dictionary<string, OpenInterestSample>(StringComparer.Ordinal);
        foreach (var (venue, series) in byVenue)
        {
            var last = series.LastOrDefault(s => s.TimeMs <= atMs);
            if (last is not null && last.TimeMs > atMs - maxAgeMs)
            {
                latest[venue] = last;
            }
        }
        return latest;
    }

    private static OpenInterestChange LikeForLike(Dictionary<string, OpenInterestSample> then, Dictionary<string, OpenInterestSample> now)
    {
        var common = now.Keys.Where(then.ContainsKey).ToArray();
        return common.Length == 0
            ? OpenInterestChange.Unknown
            : OpenInterestChange.Between(common.Sum(v => then[v].Usd), common.Sum(v => now[v].Usd));
    }

    private static long FloorDiv(long timeMs, long bucketMs)
    {
        var bucket = timeMs / bucketMs;
        return timeMs % bucketMs < 0 ? bucket - 1 : bucket;
    }

    private static bool IsValid(double usd) => UsdAmount.IsPlausible(usd);

    private static double? Plausible(double? usd) => UsdAmount.IsPlausible(usd) ? usd : null;
}
