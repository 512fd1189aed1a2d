using System.Globalization;
using FundingWeb.Core.Funding;

namespace FundingWeb.Core.Regimes;

/// <summary>
/// Where a market's quote sits in its own recent history (PRODUCT.md, funding regime). z = (quoted rate_1h − mean of the last
/// 30 days of settled rate_1h) / their standard deviation; persistence = hours the settled rate (then the quote) has kept
/// the quote's sign; label: flipping when the sign changed at least 3 times in the last 24 h, else extreme when |z| > 2,
/// elevated when 1 ≤ |z| ≤ 2, calm when |z| &lt; 1. Each settlement is weighted by the hours it paid for.
/// </summary>
public sealed record FundingRegime(
    FundingRegimeLabel Label,
    double? Z,
    double? Mean1h,
    double? StdDev1h,
    double PersistenceHours,
    int SignChanges24h,
    double? Quote1h,
    IReadOnlyList<(string Window, double? Average1h)> Averages,
    int Settlements)
{
    public const int MinSettlements = 24;
    public const long HourMs = 3_600_000;
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(30);

    public const string Rule =
        "z = (quoted rate − mean of 30 days of settlements) ÷ their standard deviation; flipping: ≥ 3 sign changes in 24 h; " +
        "else extreme: |z| > 2; elevated: 1 ≤ |z| ≤ 2; calm: |z| < 1. Persistence: hours at the quote's sign.";

    // Rounding must not move a quote across a boundary the rule names (a z of exactly 1 is elevated).
    private const double Boundary = 1e-9;

    private static readonly (string Label, long Hours)[] Windows = [("1d", 24), ("3d", 72), ("7d", 168), ("30d", 720)];

    /// <param name="settled">Settled rows of one market (other kinds are ignored).</param>
    /// <param name="quote1h">The live quote as rate_1h; null when there is none (the label then reads the latest settlement).</param>
    public static FundingRegime Of(IEnumerable<FundingRate> settled, double? quote1h, long nowMs) =>
        OfPoints(settled.Where(r => r.Kind == FundingKind.Settled && r.Implausible is null).Select(r => new SettledPoint(r.TimeMs, r.Rate1h, r.IntervalHours)), quote1h, nowMs);

    /// <summary>The same rule over compact points (a cache of many markets' settlements holds these, not rows).</summary>
    public static FundingRegime OfPoints(IEnumerable<SettledPoint> settled, double? quote1h, long nowMs)
    {
        var floor = nowMs - (long)Lookback.TotalMilliseconds;
        var rows = settled.Where(r => r.TimeMs > floor && r.TimeMs <= nowMs
                && double.IsFinite(r.Rate1h) && double.IsFinite(r.IntervalHours) && r.IntervalHours > 0)
            .OrderBy(r => r.TimeMs).ToArray();
        double? quote = quote1h is { } q && double.IsFinite(q) ? q : rows.Length > 0 ? rows[^1].Rate1h : null;

        double hours = 0, sum = 0;
        foreach (var r in rows) { hours += r.IntervalHours; sum += r.Rate1h * r.IntervalHours; }
        double? mean = hours > 0 ? sum / hours : null;
        double? stdDev = null;
        if (mean is { } m && rows.Length >= 2)
        {
            double squares = 0;
            foreach (var r in rows) squares += (r.Rate1h - m) * (r.Rate1h - m) * r.IntervalHours;
            var deviation = Math.Sqrt(squares / hours);
            // A flat history leaves only rounding behind: no spread, no z.
            stdDev = double.IsFinite(deviation) && deviation > 1e-9 * Math.Abs(m) + 1e-15 ? deviation : null;
        }
        double? z = quote is { } qq && mean is { } mm && stdDev is { } sd ? (qq - mm) / sd : null;
        if (z is { } zz && !double.IsFinite(zz)) z = null;

        var changes = SignChanges(rows.Where(r => r.TimeMs > nowMs - 24 * HourMs).Select(r => r.Rate1h), quote1h);
        var persistence = Persistence(rows, quote, nowMs);
        var averages = Windows.Select(w => (w.Label, Average(rows, nowMs - w.Hours * HourMs))).ToList();
        var label = rows.Length < MinSettlements ? FundingRegimeLabel.Unknown
            : changes >= 3 ? FundingRegimeLabel.Flipping
            : z is not { } zv ? FundingRegimeLabel.Unknown
            : Math.Abs(zv) > 2 + Boundary ? FundingRegimeLabel.Extreme
            : Math.Abs(zv) >= 1 - Boundary ? FundingRegimeLabel.Elevated
            : FundingRegimeLabel.Calm;
        return new FundingRegime(label, z, mean, stdDev, persistence, changes, quote, averages, rows.Length);
    }

    public string Describe() => Label switch
    {
        FundingRegimeLabel.Unknown => string.Create(CultureInfo.InvariantCulture, $"unknown: {Settlements} settlements in 30 days, {MinSettlements} needed"),
        FundingRegimeLabel.Flipping => string.Create(CultureInfo.InvariantCulture, $"flipping: {SignChanges24h} sign changes in 24 h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Label.ToString().ToLowerInvariant()}: z = {Z:+0.00;-0.00;0.00}, {PersistenceHours:0} h at this sign"),
    };

    private static int Sign(double rate) => rate > 1e-12 ? 1 : rate < -1e-12 ? -1 : 0;

    private static int SignChanges(IEnumerable<double> rates, double? quote)
    {
        var changes = 0;
        var last = 0;
        foreach (var rate in quote is { } q && double.IsFinite(q) ? rates.Append(q) : rates)
        {
            var sign = Sign(rate);
            if (sign == 0) continue;
            if (last != 0 && sign != last) changes++;
            last = sign;
        }
        return changes;
    }

    /// <summary>From now back to the last settlement of another sign (a zero breaks the run), in hours.</summary>
    private static double Persistence(SettledPoint[] rows, double? quote, long nowMs)
    {
        if (quote is not { } q || Sign(q) == 0) return 0;
        var sign = Sign(q);
        var since = nowMs;
        for (var i = rows.Length - 1; i >= 0; i--)
        {
            if (Sign(rows[i].Rate1h) != sign) break;
            since = rows[i].TimeMs - (long)(rows[i].IntervalHours * HourMs);
        }
        return Math.Max(0, nowMs - since) / (double)HourMs;
    }

    private static double? Average(SettledPoint[] rows, long fromMs)
    {
        double hours = 0, sum = 0;
        foreach (var r in rows)
        {
            if (r.TimeMs <= fromMs) continue;
            hours += r.IntervalHours;
            sum += r.Rate1h * r.IntervalHours;
        }
        return hours > 0 && double.IsFinite(sum / hours) ? sum / hours : null;
    }
}
