namespace FundingWeb.Core.Funding;

/// <summary>Shared input hygiene for the funding calculators: one market, one leg, one kind.</summary>
internal static class MarketRows
{
    /// <summary>
    /// The rows of <paramref name="kind"/> and <paramref name="leg"/>, sorted by time. Throws when rows of two markets
    /// are mixed: averaging two venues' funding would look plausible and be silently wrong. A row whose rate is not a
    /// number, or whose interval is not a positive number of hours, weighs nothing real and is left out.
    /// </summary>
    public static FundingRate[] Select(IEnumerable<FundingRate> rows, FundingKind kind, FundingLeg leg)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var selected = rows.Where(r => r.Kind == kind && r.Leg == leg && double.IsFinite(r.Rate1h)
            && double.IsFinite(r.IntervalHours) && r.IntervalHours > 0).ToArray();
        if (selected.Select(r => (r.Venue, r.Symbol)).Distinct().Skip(1).Any())
        {
            throw new ArgumentException("Rows of more than one venue market were passed; group them first.", nameof(rows));
        }
        return selected.OrderBy(r => r.TimeMs).ToArray();
    }
}
