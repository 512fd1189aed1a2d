namespace FundingWeb.Core.Alerts;

/// <summary>
/// Open interest per rule as seen on successive snapshots, just enough to answer "what was it one window ago".
/// Bounded: a sample is kept at most every window / <see cref="SamplesPerWindow"/>, and everything before the last
/// sample at or before the window start is dropped.
/// </summary>
public sealed class OpenInterestHistory
{
    public const int SamplesPerWindow = 240;

    private readonly Dictionary<string, List<(long TimeMs, double Usd)>> _series = new(StringComparer.Ordinal);

    /// <summary>Records <paramref name="usd"/> at <paramref name="nowMs"/> and returns the value at now − window, if watched that long.</summary>
    public double? AddAndLookBack(string ruleId, long nowMs, double usd, TimeSpan window)
    {
        if (!_series.TryGetValue(ruleId, out var series))
        {
            _series[ruleId] = series = [];
        }
        var windowMs = (long)window.TotalMilliseconds;
        var spacingMs = Math.Max(1, windowMs / SamplesPerWindow);
        if (series.Count == 0 || nowMs - series[^1].TimeMs >= spacingMs)
        {
            series.Add((nowMs, usd));
        }
        var startMs = nowMs - windowMs;
        var drop = 0;
        while (drop + 1 < series.Count && series[drop + 1].TimeMs <= startMs)
        {
            drop++;
        }
        series.RemoveRange(0, drop);
        return series[0].TimeMs <= startMs ? series[0].Usd : null;
    }

    public int Count(string ruleId) => _series.TryGetValue(ruleId, out var s) ? s.Count : 0;

    public void Forget(string ruleId) => _series.Remove(ruleId);
}
