namespace FundingWeb.Core.Depth;

/// <summary>How one venue's depth polling stands: its budget, the last round, and why it failed if it did.</summary>
/// <param name="BudgetNote">Why the budget is what it is (held under the venue's limit, or off), null when as configured.</param>
public sealed record DepthVenueStatus(
    string Venue,
    int RequestsPerMinute,
    string? BudgetNote,
    long? LastRoundMs,
    long? LastSuccessMs,
    string? LastError,
    int MarketsRead,
    IReadOnlyList<string> MarketErrors);
