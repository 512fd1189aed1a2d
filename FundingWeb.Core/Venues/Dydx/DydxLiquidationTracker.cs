using FundingWeb.Core.Liquidations;

namespace FundingWeb.Core.Venues.Dydx;

/// <summary>
/// Decides which markets' trades to read each poll and which liquidations are new since the last read.
/// dYdX has no market-wide liquidation feed over REST, only <c>/trades/perpetualMarket/{ticker}</c> per market, and
/// reading every market each poll would blow the request budget (NOTES §2.3: 100 req/10 s, we keep ~10 %).
/// So half the per-poll allowance always goes to the markets with the most open interest (where liquidations are
/// most frequent and the latest 100 trades roll over fastest) and the rest rotates through the others.
/// </summary>
public sealed class DydxLiquidationTracker(int tickersPerPoll)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, HashSet<string>> _lastIds = new(StringComparer.Ordinal);
    private int _rotation;

    public int TickersPerPoll { get; } = Math.Max(0, tickersPerPoll);

    /// <param name="tickersByOpenInterest">Tradable markets, largest USD open interest first.</param>
    public IReadOnlyList<string> PickTickers(IReadOnlyList<string> tickersByOpenInterest)
    {
        if (TickersPerPoll == 0 || tickersByOpenInterest.Count == 0) return [];
        if (tickersByOpenInterest.Count <= TickersPerPoll) return tickersByOpenInterest;
        var top = (TickersPerPoll + 1) / 2;
        var picked = tickersByOpenInterest.Take(top).ToList();
        var rest = tickersByOpenInterest.Skip(top).ToList();
        lock (_lock)
        {
            for (var i = 0; i < TickersPerPoll - top; i++)
            {
                picked.Add(rest[_rotation % rest.Count]);
                _rotation = (_rotation + 1) % rest.Count;
            }
        }
        return picked;
    }

    /// <summary>
    /// Each answer is the latest trades of one market, so a liquidation that was in the previous answer for that market
    /// has been reported already; anything else in the current answer is new. The first read reports what it sees.
    /// </summary>
    public IReadOnlyList<LiquidationEvent> TakeNew(string ticker, IReadOnlyList<LiquidationEvent> latest)
    {
        lock (_lock)
        {
            var previous = _lastIds.GetValueOrDefault(ticker);
            _lastIds[ticker] = latest.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
            return previous is null ? latest : latest.Where(e => !previous.Contains(e.Id)).ToList();
        }
    }
}
