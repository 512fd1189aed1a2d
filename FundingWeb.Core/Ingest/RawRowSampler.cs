using System.Collections.Concurrent;
using FundingWeb.Core.Funding;
using FundingWeb.Core.OpenInterest;
using FundingWeb.Core.Prices;

namespace FundingWeb.Core.Ingest;

/// <summary>
/// Poll-cadence rows (quoted rates, OI, prices) are persisted at most once per interval per market: the live view comes
/// from the snapshot, and history at that resolution is what charts read. Without it a 2 s simulator writes ~7 M rows a
/// day. Settled rows and liquidations always pass. Time is the rows' own timestamps, so it works for any clock.
/// </summary>
public sealed class RawRowSampler(TimeSpan interval)
{
    private readonly ConcurrentDictionary<(string, string, string), long> _last = new();
    private readonly long _intervalMs = (long)interval.TotalMilliseconds;

    public IReadOnlyList<FundingRate> Funding(IReadOnlyList<FundingRate> rows) =>
        _intervalMs <= 0 ? rows : rows.Where(r => r.Kind == FundingKind.Settled || Keep(r.Venue, r.Symbol + "/" + (int)r.Leg, "f", r.TimeMs)).ToList();

    public IReadOnlyList<OpenInterestObservation> OpenInterest(string venue, IReadOnlyList<OpenInterestObservation> rows) =>
        _intervalMs <= 0 ? rows : rows.Where(r => Keep(venue, r.Symbol, "oi", r.TimeMs)).ToList();

    public IReadOnlyList<PriceObservation> Prices(string venue, IReadOnlyList<PriceObservation> rows) =>
        _intervalMs <= 0 ? rows : rows.Where(r => Keep(venue, r.Symbol, "px", r.TimeMs)).ToList();

    private bool Keep(string venue, string key, string table, long timeMs)
    {
        var k = (venue, key, table);
        if (_last.TryGetValue(k, out var last) && timeMs - last < _intervalMs && timeMs >= last) return false;
        _last[k] = timeMs;
        return true;
    }
}
