using FundingWeb.Core.Funding;

namespace FundingWeb.Core.Venues.Paradex;

/// <summary>
/// Paradex funds continuously, so there is no settlement to record. PRODUCT.md: "sample the funding index hourly".
/// We keep, for each UTC hour, the first sample at or after the hour and label it with the hour itself, so the
/// same hour always gets the same key however the dense series was paged or polled.
/// </summary>
public sealed class ParadexHourlySampler
{
    private const long HourMs = 3_600_000;
    private readonly SortedDictionary<long, ParadexFundingSample> _byHour = new();

    public static long HourOf(long timeMs) => timeMs - (((timeMs % HourMs) + HourMs) % HourMs);

    public void Add(ParadexFundingSample sample)
    {
        var hour = HourOf(sample.CreatedAtMs);
        if (!_byHour.TryGetValue(hour, out var kept) || sample.CreatedAtMs < kept.CreatedAtMs)
        {
            _byHour[hour] = sample;
        }
    }

    /// <summary>Settled rows for hours in [fromMs, toMs], oldest first.</summary>
    public IReadOnlyList<RawFundingRate> ToSettled(string symbol, long fromMs, long toMs, string source) =>
        _byHour
            .Where(kv => kv.Key >= fromMs && kv.Key <= toMs)
            .Select(kv => FundingNormalizer.HourlySettlement(new RawFundingRate(symbol, kv.Key, FundingKind.Quoted, kv.Value.FundingRate,
                kv.Value.FundingPeriodHours, RateUnit.Fraction, Source: source), kv.Key))
            .ToList();
}
