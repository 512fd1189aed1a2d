using FundingWeb.Core.Funding;

namespace FundingWeb.Model;

/// <summary>What each abbreviation on screen stands for: the text of its tooltip, in one place so every page says the same.</summary>
public static class Glossary
{
    public const string Apr = "Annual percentage rate, simple: the hourly rate × 8,760, not compounded.";

    public const string Apy = "Annual percentage yield: the hourly rate compounded every hour, (1 + rate)^8,760 − 1.";

    public const string Hhi = "Herfindahl–Hirschman index of open interest across venues: Σ share². 1 = all of it on one venue; 1/n = spread evenly over n venues.";

    public const string OpenInterest = "Open interest: the notional of all open positions, in USD (base units × mark price, or the oracle price where there is no mark).";

    public const string Rate1h = "The venue's rate as a fraction per hour, normalised from its own interval and unit: every other basis is computed from it.";

    public const string Mmr = "Maintenance margin ratio: the margin a position must keep, as a share of its notional, before it is liquidated.";

    public const string BreakEven = "How long the spread must hold at today's rates to pay back the taker fees of opening and closing both legs.";

    public const string Utc = "Coordinated Universal Time: every time on the dashboard is UTC.";

    public static string NetHold(string hold) =>
        $"Spread APR less the taker fees of opening and closing both legs, 2 × (fee high + fee low), spread over a {hold} holding period.";

    /// <summary>What a basis label (<see cref="FundingBasis.Label"/>) means.</summary>
    public static string Basis(RateBasis basis) => basis switch
    {
        RateBasis.Hourly => "Per hour: the fraction paid per hour, every venue normalised to it.",
        RateBasis.EightHour => "Per 8 hours: the hourly rate × 8.",
        RateBasis.AprCompounded => Apy,
        _ => Apr,
    };
}
