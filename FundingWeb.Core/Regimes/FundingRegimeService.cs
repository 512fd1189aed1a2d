using System.Collections.Concurrent;
using FundingWeb.Core.Alerts;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Live;
using FundingWeb.Core.Storage;

namespace FundingWeb.Core.Regimes;

/// <summary>
/// Every market's funding regime, for the heatmap's regime mode and the regime-change alert. Thirty days of settlements are
/// read per asset from the store at most every <see cref="ReloadEvery"/> (off every page's and the evaluator's path: they
/// read <see cref="For"/>), and the regimes recomputed against the live quotes on each <see cref="RefreshAsync"/>.
/// Implausible settlements are never read (the history queries leave them out).
/// </summary>
public sealed class FundingRegimeService(HistoryQueries queries, MarketHub hub, TimeProvider time) : IFundingRegimes
{
    public static TimeSpan ReloadEvery { get; } = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<(string Venue, string Symbol), FundingRegime> _regimes = new();
    private readonly ConcurrentDictionary<string, (long LoadedMs, IReadOnlyDictionary<(string, string), SettledPoint[]> Points)> _history =
        new(StringComparer.OrdinalIgnoreCase);

    public FundingRegime? For(string venue, string symbol) => _regimes.GetValueOrDefault((venue, symbol));

    public int Count => _regimes.Count;

    /// <summary>Reloads assets whose history is older than <see cref="ReloadEvery"/>, then recomputes every market's regime.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var snapshot = hub.Current;
        foreach (var asset in snapshot.Assets)
        {
            if (_history.TryGetValue(asset, out var cached) && now - cached.LoadedMs < ReloadEvery.TotalMilliseconds) continue;
            var rows = await queries.GetFundingAsync(asset, FundingKind.Settled, now - (long)FundingRegime.Lookback.TotalMilliseconds, now, cancellationToken).ConfigureAwait(false);
            _history[asset] = (now, rows.GroupBy(r => (r.Venue, r.Symbol))
                .ToDictionary(g => g.Key, g => g.Select(r => new SettledPoint(r.TimeMs, r.Rate1h, r.IntervalHours)).ToArray()));
        }
        foreach (var venue in snapshot.Venues.Values)
        {
            foreach (var quote in venue.Markets.Values)
            {
                var points = _history.TryGetValue(quote.Market.BaseAsset, out var h) && h.Points.TryGetValue((venue.Venue.Id, quote.Market.Symbol), out var p) ? p : [];
                _regimes[(venue.Venue.Id, quote.Market.Symbol)] = FundingRegime.OfPoints(points, quote.PlausibleFunding?.Rate1h, now);
            }
        }
    }
}
