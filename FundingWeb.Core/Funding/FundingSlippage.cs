using FundingWeb.Core.Charts;

namespace FundingWeb.Core.Funding;

/// <summary>
/// Realised vs quoted funding (PRODUCT.md "Quoted, settled, realised"). Windows are (start, start + W]: a settlement at
/// t pays for the period ending at t, so one stamped exactly at the start belongs to the period before it.
/// The realised formula divides by the window's hours whatever the settlement cadence, so W should be a multiple of the
/// venue's settlement interval; <see cref="FundingSlippagePoint.CoveredHours"/> says when it is not.
/// </summary>
public static class FundingSlippage
{
    private const long HourMs = 3_600_000;

    /// <summary>Realised simple APR over (start, start + W] of one venue market's settled rows.</summary>
    public static double? RealisedApr(IEnumerable<FundingRate> rows, long startMs, double windowHours, FundingLeg leg = FundingLeg.Net) =>
        At(rows, startMs, windowHours, leg).RealisedApr;

    /// <summary>The last quoted rate_1h at or before <paramref name="atMs"/> as simple APR.</summary>
    public static double? QuotedApr(IEnumerable<FundingRate> rows, long atMs, FundingLeg leg = FundingLeg.Net) =>
        At(rows, atMs, 1, leg).QuotedApr;

    public static FundingSlippagePoint At(IEnumerable<FundingRate> rows, long startMs, double windowHours, FundingLeg leg = FundingLeg.Net) =>
        Rolling(rows, [startMs], windowHours, leg)[0];

    /// <summary>
    /// For each start, the quote at the start and the realised APR over the next <paramref name="windowHours"/>: the two
    /// lines of the realised-vs-quoted chart and the input of <see cref="Distribution"/>.
    /// </summary>
    /// <param name="rows">Quoted and settled rows of one venue market (throws if several are mixed).</param>
    public static IReadOnlyList<FundingSlippagePoint> Rolling(
        IEnumerable<FundingRate> rows, IEnumerable<long> startsMs, double windowHours, FundingLeg leg = FundingLeg.Net)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(startsMs);
        if (!(windowHours > 0) || !double.IsFinite(windowHours))
        {
            throw new ArgumentOutOfRangeException(nameof(windowHours), windowHours, "A window is a positive number of hours.");
        }
        var all = rows as IReadOnlyCollection<FundingRate> ?? rows.ToArray();
        var quoted = MarketRows.Select(all, FundingKind.Quoted, leg);
        var settled = MarketRows.Select(all, FundingKind.Settled, leg);
        if (quoted.Length > 0 && settled.Length > 0 && (quoted[0].Venue, quoted[0].Symbol) != (settled[0].Venue, settled[0].Symbol))
        {
            throw new ArgumentException("Quoted and settled rows come from different venue markets.", nameof(rows));
        }

        // Prefix sums make each window two binary searches, so an hourly series over a year stays cheap.
        var funding = new double[settled.Length + 1];
        var hours = new double[settled.Length + 1];
        for (var i = 0; i < settled.Length; i++)
        {
            funding[i + 1] = funding[i] + settled[i].Rate1h * settled[i].IntervalHours;
            hours[i + 1] = hours[i] + settled[i].IntervalHours;
        }
        var settledTimes = settled.Select(r => r.TimeMs).ToArray();
        var quotedTimes = quoted.Select(r => r.TimeMs).ToArray();
        var windowMs = (long)Math.Round(windowHours * HourMs);

        var points = new List<FundingSlippagePoint>();
        foreach (var start in startsMs)
        {
            var first = CountAtOrBefore(settledTimes, start);
            var end = CountAtOrBefore(settledTimes, start + windowMs);
            var count = end - first;
            double? realised = count > 0 ? Finite((funding[end] - funding[first]) / windowHours * FundingBasis.HoursPerYear) : null;

            var quotesSoFar = CountAtOrBefore(quotedTimes, start);
            var quote = quotesSoFar > 0 ? quoted[quotesSoFar - 1] : null;
            points.Add(new FundingSlippagePoint(
                start, windowHours, Finite(quote?.Rate1h * FundingBasis.HoursPerYear), quote?.TimeMs,
                realised, count, hours[end] - hours[first]));
        }
        return points;
    }

    /// <summary>Window starts every <paramref name="stepMs"/> from <paramref name="fromMs"/> up to and including <paramref name="toMs"/>.</summary>
    public static IReadOnlyList<long> Starts(long fromMs, long toMs, long stepMs = HourMs)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepMs);
        var starts = new List<long>();
        for (var t = fromMs; t <= toMs; t += stepMs)
        {
            starts.Add(t);
        }
        return starts;
    }

    /// <summary>p5/p50/p95 of slippage over the points where both the quote and the realised value exist.</summary>
    public static SlippageDistribution Distribution(IEnumerable<FundingSlippagePoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var slippage = points.Where(p => p.SlippageApr is { } s && double.IsFinite(s)).Select(p => p.SlippageApr!.Value).ToArray();
        var p = Percentiles.Of(slippage, [0.05, 0.50, 0.95]);
        return new SlippageDistribution(slippage.Length, p[0], p[1], p[2]);
    }

    /// <summary>Sums of rates far beyond any real one overflow; what cannot be computed is unknown, not ∞ or NaN.</summary>
    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    /// <summary>How many of the sorted <paramref name="times"/> are ≤ <paramref name="t"/>.</summary>
    private static int CountAtOrBefore(long[] times, long t)
    {
        int lo = 0, hi = times.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (times[mid] <= t)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }
}
