namespace FundingWeb.Model;

/// <summary>What each abbreviation on the dashboard stands for: one sentence a reader gets on hover.</summary>
public static class Terms
{
    private static readonly Dictionary<string, string> Definitions = new(StringComparer.Ordinal)
    {
        ["APR"] = "Annual percentage rate, simple: the hourly rate × 8,760, no compounding",
        ["APY"] = "Annual percentage yield: the hourly rate compounded over a year, (1 + r)^8,760 − 1",
        ["HHI"] = "Herfindahl–Hirschman index: the sum of squared venue shares; 1 means all open interest on one venue",
        ["OI"] = "Open interest: the notional of all open positions, in USD (base units × mark, or oracle where there is no mark)",
        ["mmr"] = "Maintenance margin ratio: below it a position is liquidated",
        ["p5"] = "5th percentile: 5 % of windows were below this",
        ["p50"] = "Median: half of the windows were below this",
        ["p95"] = "95th percentile: 95 % of windows were below this",
        ["USD M"] = "Millions of US dollars",
    };

    /// <summary>The definition, or the term itself when it has none (a new label never breaks a page).</summary>
    public static string Define(string term) => Definitions.GetValueOrDefault(term, term);

    public static IReadOnlyCollection<string> Known => Definitions.Keys;
}
