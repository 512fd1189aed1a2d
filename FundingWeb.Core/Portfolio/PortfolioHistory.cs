namespace FundingWeb.Core.Portfolio;

/// <summary>
/// The slow inputs of a book's stress, read from storage at <see cref="ReadAtMs"/>: per market its history, per venue the
/// lengths of its chain's past congestion episodes. A page keeps it and reads again after <see cref="RefreshEvery"/>; live
/// ticks combine it with the snapshot (<see cref="PortfolioMarketReader.At"/>) and never read storage.
/// </summary>
public sealed record PortfolioHistory(
    IReadOnlyDictionary<(string Venue, string Asset), PortfolioMarketHistory> Markets,
    IReadOnlyDictionary<string, IReadOnlyList<TimeSpan>> Episodes,
    long ReadAtMs)
{
    /// <summary>
    /// Betas and tails are of 30 days of hourly data, ladders move with open interest: a few minutes old changes no figure
    /// a desk reads, and it keeps a page's reads to one per this interval whatever the tick rate.
    /// </summary>
    public static TimeSpan RefreshEvery { get; } = TimeSpan.FromMinutes(5);

    public static PortfolioHistory Empty { get; } = new(new Dictionary<(string, string), PortfolioMarketHistory>(), new Dictionary<string, IReadOnlyList<TimeSpan>>(), 0);

    public bool IsDue(long nowMs) => nowMs - ReadAtMs >= (long)RefreshEvery.TotalMilliseconds || nowMs < ReadAtMs;
}
