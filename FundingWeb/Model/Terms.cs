namespace FundingWeb.Model;

/// <summary>
/// What each abbreviation on the pages stands for, said once: the tooltip over it (<c>Term</c>) reads it from here, so
/// the same letters never mean two things on two pages.
/// </summary>
public static class Terms
{
    private static readonly Dictionary<string, string> Meanings = new(StringComparer.Ordinal)
    {
        ["APR"] = "Annual percentage rate, simple: the hourly rate × 8,760, not compounded",
        ["APY"] = "Annual percentage yield: the hourly rate compounded over a year, (1 + hourly)^8,760 − 1",
        ["mmr"] = "Maintenance margin ratio: the share of the notional a venue requires to keep a position open",
        ["L"] = "Leverage: notional ÷ margin",
        ["OI"] = "Open interest: the notional of all open positions",
        ["p1"] = "1st percentile: 1 % of the samples were at or below it",
        ["p5"] = "5th percentile: 5 % of the samples were at or below it",
        ["p50"] = "Median: half of the samples were at or below it",
        ["p95"] = "95th percentile: 95 % of the samples were at or below it",
        ["p99"] = "99th percentile: 99 % of the samples were at or below it",
        ["UTC"] = "Coordinated Universal Time: every time on the dashboard is in UTC",
        ["USD"] = "US dollars, at the venue's mark price (its oracle price where there is no mark)",
        ["%/h"] = "Percent per hour: the rate as a fraction of notional paid each hour",
        ["h"] = "Hours",
        ["min"] = "Minutes",
        ["ms"] = "Milliseconds",
    };

    public static IReadOnlyCollection<string> All => Meanings.Keys;

    /// <summary>The meaning, or the term itself for one not listed (a tooltip never goes blank).</summary>
    public static string Explain(string term) => Meanings.GetValueOrDefault(term, term);
}
