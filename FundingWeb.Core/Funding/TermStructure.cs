namespace FundingWeb.Core.Funding;

/// <summary>
/// Average settled rate_1h over standard windows ending at a time. A row at time t covers the settlement period ending
/// at t, so a window (end − W, end] takes the rows with end − W &lt; t ≤ end. Each row is weighted by its interval_hours:
/// an 8-hourly settlement counts for eight hours of funding, an hourly one for one, so mixed histories average correctly.
/// </summary>
public static class TermStructure
{
    public static IReadOnlyList<FundingWindow> Windows { get; } =
    [
        new("1h", 1),
        new("8h", 8),
        new("24h", 24),
        new("7d", 24 * 7),
        new("30d", 24 * 30),
    ];

    /// <summary>The curve of one venue market. Non-settled rows and other legs are ignored.</summary>
    /// <param name="rows">Rows of one venue market (throws if several are mixed).</param>
    public static FundingCurve Build(
        string venue, string symbol, IEnumerable<FundingRate> rows, long endMs,
        FundingLeg leg = FundingLeg.Net, IReadOnlyList<FundingWindow>? windows = null)
    {
        var settled = MarketRows.Select(rows, FundingKind.Settled, leg);
        var points = (windows ?? Windows).Select(w => Point(settled, endMs, w)).ToArray();
        return new FundingCurve(venue, symbol, endMs, points);
    }

    /// <summary>One curve per venue market found in <paramref name="rows"/>, ordered by venue then symbol.</summary>
    public static IReadOnlyList<FundingCurve> PerVenue(
        IEnumerable<FundingRate> rows, long endMs, FundingLeg leg = FundingLeg.Net, IReadOnlyList<FundingWindow>? windows = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows
            .GroupBy(r => (r.Venue, r.Symbol))
            .OrderBy(g => g.Key.Venue, StringComparer.Ordinal).ThenBy(g => g.Key.Symbol, StringComparer.Ordinal)
            .Select(g => Build(g.Key.Venue, g.Key.Symbol, g, endMs, leg, windows))
            .ToArray();
    }

    private static FundingCurvePoint Point(FundingRate[] settled, long endMs, FundingWindow window)
    {
        var startMs = endMs - window.Milliseconds;
        double weighted = 0, hours = 0;
        var count = 0;
        foreach (var row in settled)
        {
            if (row.TimeMs > startMs && row.TimeMs <= endMs)
            {
                weighted += row.Rate1h * row.IntervalHours;
                hours += row.IntervalHours;
                count++;
            }
        }
        // Rates far beyond any real one can overflow the weighted sum; such a window has no honest average.
        double? average = hours > 0 && double.IsFinite(weighted / hours) ? weighted / hours : null;
        return new FundingCurvePoint(window.Label, window.Hours, average, count);
    }
}
