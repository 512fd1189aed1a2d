namespace FundingWeb.Model;

/// <summary>
/// What each abbreviation on the dashboard stands for, said once: the tooltip over it reads it from here, so the same
/// letters never mean two things on two pages.
/// </summary>
public static class Terms
{
    private static readonly Dictionary<string, string> Definitions = new(StringComparer.Ordinal)
    {
        ["APR"] = "Annual percentage rate, simple: the hourly rate × 8,760, no compounding",
        ["APY"] = "Annual percentage yield: the hourly rate compounded over a year, (1 + r)^8,760 − 1",
        ["HHI"] = "Herfindahl–Hirschman index: the sum of squared venue shares; 1 means all open interest on one venue",
        ["OI"] = "Open interest: the notional of all open positions, in USD (base units × mark, or oracle where there is no mark)",
        ["mmr"] = "Maintenance margin ratio: the share of the notional a venue requires to keep a position open; below it the position is liquidated",
        ["L"] = "Leverage: notional ÷ margin",
        ["p1"] = "1st percentile: 1 % of the samples were at or below it",
        ["p5"] = "5th percentile: 5 % of the samples were at or below it",
        ["p50"] = "Median: half of the samples were at or below it",
        ["p95"] = "95th percentile: 95 % of the samples were at or below it",
        ["p99"] = "99th percentile: 99 % of the samples were at or below it",
        ["UTC"] = "Coordinated Universal Time: every time on the dashboard is in UTC",
        ["USD"] = "US dollars, at the venue's mark price (its oracle price where there is no mark)",
        ["USD M"] = "Millions of US dollars",
        ["%/h"] = "Percent per hour: the rate as a fraction of notional paid each hour",
        ["h"] = "Hours",
        ["min"] = "Minutes",
        ["ms"] = "Milliseconds",
    };

    /// <summary>The definition, or the term itself when it has none (a new label never breaks a page, a tooltip never goes blank).</summary>
    public static string Define(string term) => Definitions.GetValueOrDefault(term, term);

    public static IReadOnlyCollection<string> Known => Definitions.Keys;
}
