namespace FundingWeb.Model.Charts;

/// <summary>
/// The server's copy of what a chart holds after live ticks: the series as sent, with every append applied the way the
/// chart module applies it (charts.js, <c>put</c> and <c>trim</c>), so a CSV downloaded mid-session is what the chart shows.
/// A point is ignored when older than the series' newest, replaces the newest at the same time (which is then a live
/// newest), replaces a live newest within <c>merge</c> of the point before it, and is appended otherwise; then nothing older than the window before the
/// newest is kept, and at most <see cref="ChartSeries.MaxPoints"/>.
/// </summary>
public sealed class LiveSeries
{
    private readonly List<Entry> _entries;
    private IReadOnlyList<ChartSeries>? _current;

    public LiveSeries(IReadOnlyList<ChartSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        _entries = series.Select(s => new Entry(s, [.. s.Data])).ToList();
        _current = series;
    }

    /// <summary>The series with every applied point, in their order.</summary>
    public IReadOnlyList<ChartSeries> Current => _current ??= _entries.Select(e => e.Source with { Data = e.Data.ToList() }).ToList();

    /// <summary>The newest x of a series, or null when it has none (or no such id).</summary>
    public double? LastX(string id) =>
        _entries.FirstOrDefault(e => e.Source.Id == id) is { Data: [.., double[] { Length: >= 2 } last] } ? last[0] : null;

    /// <summary>
    /// Applies a tick and returns what to send: per series, only its finite points that were not ignored (JSON has no NaN,
    /// and a point the chart would ignore need not travel). Unknown ids are left out.
    /// </summary>
    public IReadOnlyList<SeriesAppend> Apply(IReadOnlyList<SeriesAppend> appends, TimeSpan? window, TimeSpan? merge)
    {
        ArgumentNullException.ThrowIfNull(appends);
        var sent = new List<SeriesAppend>();
        foreach (var append in appends)
        {
            var entry = _entries.FirstOrDefault(e => e.Source.Id == append.Id);
            if (entry is null || append.Points is null) continue;
            var kept = new List<double[]>();
            foreach (var point in append.Points)
            {
                if (point is not { Length: >= 2 } || !Array.TrueForAll(point, double.IsFinite)) continue;
                if (Put(entry, point, merge?.TotalMilliseconds ?? 0)) kept.Add(point);
            }
            if (kept.Count == 0) continue;
            Trim(entry, window?.TotalMilliseconds);
            sent.Add(new SeriesAppend(append.Id, kept));
            _current = null;
        }
        return sent;
    }

    private static bool Put(Entry entry, double[] point, double mergeMs)
    {
        var data = entry.Data;
        if (data is [.., double[] { Length: >= 2 } tail])
        {
            if (point[0] < tail[0]) return false;
            var replacesLiveTail = entry.Mutable && mergeMs > 0 && data.Count >= 2 && data[^2] is double[] { Length: >= 2 } before && point[0] - before[0] < mergeMs;
            if (point[0] == tail[0] || replacesLiveTail)
            {
                data[^1] = point;
                entry.Mutable = true;
                return true;
            }
        }
        data.Add(point);
        entry.Mutable = true;
        return true;
    }

    private static void Trim(Entry entry, double? windowMs)
    {
        var data = entry.Data;
        var cut = 0;
        if (windowMs is { } window && data is [.., double[] { Length: >= 2 } newest])
        {
            var floor = newest[0] - window;
            while (cut < data.Count && data[cut] is double[] { Length: >= 2 } p && p[0] < floor) cut++;
        }
        cut = Math.Max(cut, data.Count - ChartSeries.MaxPoints);
        if (cut > 0) data.RemoveRange(0, cut);
    }

    private sealed class Entry(ChartSeries source, List<object?> data)
    {
        public ChartSeries Source { get; } = source;
        public List<object?> Data { get; } = data;
        /// <summary>The newest point came from a tick (not from history), so a close next one may replace it.</summary>
        public bool Mutable { get; set; }
    }
}
