namespace FundingWeb.Core.Venues.Hyperliquid;

/// <summary>
/// How many hours each settled <c>fundingRate</c> covers, read from the spacing of the rows themselves: HL history
/// was 8-hourly in 2023 and is hourly now (NOTES §1.2 [V]), and the endpoint does not say which, so assuming either
/// misreads the other era by 8×.
/// </summary>
public static class HyperliquidSettlementIntervals
{
    private const double MsPerHour = 3_600_000d;

    /// <summary>
    /// Row i covers the time since row i−1, rounded to whole hours (HL stamps settlements a few hundred ms late).
    /// A spacing longer than the one before it is read as missed settlements (an outage or a gap in the data), not as a
    /// slower cadence, unless the next spacing confirms the slower cadence: HL has only ever moved to a faster cadence
    /// (8h → 1h), and a missed hour does not make the next hourly payment cover two hours. Such a row takes the shorter
    /// of its neighbours' spacings (after a long gap that straddles 8h → 1h, the hourly rows that follow win).
    /// The first row borrows the spacing after it; a lone row can only be from the current hourly era.
    /// </summary>
    /// <param name="timesMs">Settlement times, oldest first, no duplicates.</param>
    public static double[] Derive(IReadOnlyList<long> timesMs)
    {
        var n = timesMs.Count;
        var intervals = new double[n];
        if (n == 0) return intervals;
        if (n == 1)
        {
            intervals[0] = 1;
            return intervals;
        }
        for (var i = 1; i < n; i++)
        {
            var spacing = Spacing(timesMs, i);
            if (i >= 2)
            {
                var previous = Spacing(timesMs, i - 1);
                var next = i + 1 < n ? Spacing(timesMs, i + 1) : double.MaxValue;
                if (spacing > previous && next != spacing) spacing = Math.Min(previous, next);
            }
            intervals[i] = spacing;
        }
        intervals[0] = Spacing(timesMs, 1);
        return intervals;
    }

    private static double Spacing(IReadOnlyList<long> timesMs, int i) =>
        Math.Max(1, Math.Round((timesMs[i] - timesMs[i - 1]) / MsPerHour));
}
