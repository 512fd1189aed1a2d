using System.Globalization;
using FundingWeb.Core.Funding;

namespace FundingWeb.Core.Venues.Paradex;

/// <summary>
/// Paradex funds continuously; <c>/funding/data</c> rows are frequent observations of a rate quoted for the whole
/// period, not payments. Each UTC hour becomes one settled row labelled with the hour, so the same hour gets the same key
/// however the dense series was paged or polled:
/// <list type="bullet">
/// <item><b>Exact</b> (<see cref="FundingOrigins.IndexDelta"/>): the index advances by premium × Δt ÷ period, premium =
/// rate × spot ÷ USDC price (NOTES §3.2, funding-mechanism.mdx), so Δ<c>funding_index</c> over the hour is USDC accrued
/// per unit of base, and Δindex ÷ (spot ÷ USDC price) is the hour's accrual as a fraction of notional. The price is the
/// mean of the hour's own premium ÷ rate. A positive Δ is paid by longs (the docs' accrued PnL is −size × Δindex), which
/// is our sign. The first sample is kept beside it in <see cref="RawFundingRate.CrossCheck1h"/>.</item>
/// <item><b>Approximate</b> (<see cref="FundingOrigins.HourlySample"/>): the first sample of the hour, as a 1h fraction,
/// wherever the index cannot be trusted: a boundary row missing or without an index, no premium to derive the price
/// from, the index moving more than the premium allows or against it, or standing still while every premium says
/// funding was accruing (a stuck field; the venue's own pauses, gaps over 30 s, only shorten the move).</item>
/// </list>
/// Memory is one small summary per hour, whatever the density of the rows.
/// </summary>
public sealed class ParadexHourlySampler
{
    private const long HourMs = 3_600_000;

    /// <summary>How far after the hour mark the first row may be and still stand for the hour's boundary (rows come every few seconds).</summary>
    public const long BoundaryToleranceMs = 60_000;

    /// <summary>Premiums are observed every few seconds, not every tick: the index may move this much more than they show.</summary>
    private const double PremiumSlack = 0.10;

    private readonly SortedDictionary<long, Hour> _hours = new();

    public static long HourOf(long timeMs) => timeMs - (((timeMs % HourMs) + HourMs) % HourMs);

    public void Add(ParadexFundingSample sample)
    {
        var key = HourOf(sample.CreatedAtMs);
        if (!_hours.TryGetValue(key, out var hour)) _hours[key] = hour = new Hour();
        hour.Add(sample);
    }

    /// <summary>Settled rows for hours in [fromMs, toMs], oldest first. Rows after <paramref name="toMs"/> serve only as the last hour's end boundary.</summary>
    public IReadOnlyList<RawFundingRate> ToSettled(string symbol, long fromMs, long toMs, string source)
    {
        var rows = new List<RawFundingRate>();
        foreach (var (key, hour) in _hours)
        {
            if (key < fromMs || key > toMs || hour.First is not { } first) continue;
            var sample = FundingNormalizer.HourlySettlement(new RawFundingRate(symbol, key, FundingKind.Quoted, first.FundingRate,
                first.FundingPeriodHours, RateUnit.Fraction, Source: source), key);
            var next = _hours.TryGetValue(key + HourMs, out var n) ? n.First : null;
            var (accrual, problem) = IndexAccrual(key, hour, first, next);
            rows.Add(accrual is double exact
                ? sample with
                {
                    RateRaw = exact,
                    Origin = FundingOrigins.IndexDelta,
                    CrossCheck1h = sample.RateRaw,
                    Source = source + " (Δfunding_index over the hour ÷ the hour's premium/rate price)",
                }
                : sample with { Origin = FundingOrigins.HourlySample, Source = sample.Source + $" (index not used: {problem})" });
        }
        return rows;
    }

    /// <summary>The hour's exact accrual as a fraction of notional, or why the index cannot give it.</summary>
    private static (double? Accrual, string? Problem) IndexAccrual(long hourMs, Hour hour, ParadexFundingSample start, ParadexFundingSample? end)
    {
        if (start.CreatedAtMs - hourMs > BoundaryToleranceMs) return (null, "no row at the start of the hour");
        if (end is null || end.CreatedAtMs - (hourMs + HourMs) > BoundaryToleranceMs) return (null, "no row at the end of the hour");
        if (start.FundingIndex is not double a || end.FundingIndex is not double b) return (null, "boundary row without funding_index");
        if (hour.PremiumCount == 0) return (null, "no funding_premium in the hour");

        var delta = b - a;
        var periodSeconds = start.FundingPeriodHours * 3600d;
        var spanSeconds = (end.CreatedAtMs - start.CreatedAtMs) / 1000d;
        var most = Math.Max(Math.Abs(hour.MinPremium), Math.Abs(hour.MaxPremium)) * spanSeconds / periodSeconds;
        var least = Math.Min(Math.Abs(hour.MinPremium), Math.Abs(hour.MaxPremium)) * spanSeconds / periodSeconds;
        var sign = hour.MinPremium > 0 ? 1 : hour.MaxPremium < 0 ? -1 : 0;
        var tolerance = 1e-9 * Math.Max(most, Math.Abs(delta)) + 1e-15;
        if (!double.IsFinite(delta)) return (null, "funding_index is not finite");
        if (Math.Abs(delta) > most * (1 + PremiumSlack) + tolerance) return (null, Invariant($"index moved {delta:G6}, more than the premium allows ({most:G6})"));
        if (sign != 0 && delta * sign < -tolerance) return (null, Invariant($"index moved {delta:G6} against the funding direction"));
        if (sign != 0 && Math.Abs(delta) <= tolerance && least > tolerance) return (null, "index stood still while every premium said funding accrued");

        if (hour.PriceCount > 0) return (delta / (hour.PriceSum / hour.PriceCount), null);
        // Every rate was 0: no price to divide by, and nothing can have accrued unless the index says otherwise.
        return Math.Abs(delta) <= tolerance ? (0d, null) : (null, "no row with a non-zero rate to derive the price from");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>What one hour's rows say, kept small: the first row, the premium range and the implied prices.</summary>
    private sealed class Hour
    {
        public ParadexFundingSample? First { get; private set; }
        public double MinPremium { get; private set; } = double.PositiveInfinity;
        public double MaxPremium { get; private set; } = double.NegativeInfinity;
        public int PremiumCount { get; private set; }
        public double PriceSum { get; private set; }
        public int PriceCount { get; private set; }

        public void Add(ParadexFundingSample sample)
        {
            if (First is null || sample.CreatedAtMs < First.CreatedAtMs) First = sample;
            if (sample.FundingPremium is double p && double.IsFinite(p))
            {
                MinPremium = Math.Min(MinPremium, p);
                MaxPremium = Math.Max(MaxPremium, p);
                PremiumCount++;
            }
            if (sample.ImpliedPrice is double price)
            {
                PriceSum += price;
                PriceCount++;
            }
        }
    }
}
