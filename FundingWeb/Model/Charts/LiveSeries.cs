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

    /// <summary>Shares each series' points (nothing is copied): what a tick trims and appends is kept apart from them.</summary>
    public LiveSeries(IReadOnlyList<ChartSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        _entries = series.Select(s => new Entry(s)).ToList();
        _current = series;
    }

    /// <summary>The series with every applied point, in their order.</summary>
    public IReadOnlyList<ChartSeries> Current => _current ??= _entries.Select(e => e.Source with { Data = e.Freeze() }).ToList();

    /// <summary>The newest x of a series, or null when it has none (or no such id).</summary>
    public double? LastX(string id) =>
        _entries.FirstOrDefault(e => e.Source.Id == id) is { Count: > 0 } entry && entry[entry.Count - 1] is double[] { Length: >= 2 } last ? last[0] : null;

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
        if (entry.Count > 0 && entry[entry.Count - 1] is double[] { Length: >= 2 } tail)
        {
            if (point[0] < tail[0]) return false;
            var replacesLiveTail = entry.Mutable && mergeMs > 0 && entry.Count >= 2 && entry[entry.Count - 2] is double[] { Length: >= 2 } before && point[0] - before[0] < mergeMs;
            if (point[0] == tail[0] || replacesLiveTail)
            {
                entry.ReplaceLast(point);
                entry.Mutable = true;
                return true;
            }
        }
        entry.Add(point);
        entry.Mutable = true;
        return true;
    }

    private static void Trim(Entry entry, double? windowMs)
    {
        var cut = 0;
        if (windowMs is { } window && entry.Count > 0 && entry[entry.Count - 1] is double[] { Length: >= 2 } newest)
        {
            var floor = newest[0] - window;
            while (cut < entry.Count && entry[cut] is double[] { Length: >= 2 } p && p[0] < floor) cut++;
        }
        cut = Math.Max(cut, entry.Count - ChartSeries.MaxPoints);
        if (cut > 0) entry.RemoveFirst(cut);
    }

    /// <summary>
    /// A series as the chart holds it: the loaded points from <see cref="Start"/> to <see cref="End"/> (shared with the
    /// series it was loaded from, never copied) followed by the points ticks put in (<see cref="Tail"/>).
    /// </summary>
    private sealed class Entry(ChartSeries source)
    {
        public ChartSeries Source { get; } = source;
        private IReadOnlyList<object?> Loaded => Source.Data;
        public int Start { get; private set; }
        public int End { get; private set; } = source.Data.Count;
        public List<object?> Tail { get; } = [];
        /// <summary>The newest point came from a tick (not from history), so a close next one may replace it.</summary>
        public bool Mutable { get; set; }

        private int LoadedCount => End - Start;

        public int Count => LoadedCount + Tail.Count;

        public object? this[int index] => index < LoadedCount ? Loaded[Start + index] : Tail[index - LoadedCount];

        public void Add(object? point) => Tail.Add(point);

        public void ReplaceLast(object? point)
        {
            if (Tail.Count > 0) Tail[^1] = point;
            else
            {
                End--;
                Tail.Add(point);
            }
        }

        public void RemoveFirst(int count)
        {
            var fromLoaded = Math.Min(count, LoadedCount);
            Start += fromLoaded;
            if (count > fromLoaded) Tail.RemoveRange(0, count - fromLoaded);
        }

        /// <summary>What the entry holds now, fixed: later ticks do not change a view already handed out.</summary>
        public View Freeze() => new(Loaded, Start, LoadedCount, [.. Tail]);
    }

    /// <summary>A series' points as one list, without copying the loaded ones (their tail is copied: it is small).</summary>
    internal sealed class View : IReadOnlyList<object?>
    {
        private readonly IReadOnlyList<object?> _loaded;
        private readonly int _start;
        private readonly int _loadedCount;
        private readonly object?[] _tail;

        internal View(IReadOnlyList<object?> loaded, int start, int loadedCount, object?[] tail) => (_loaded, _start, _loadedCount, _tail) = (loaded, start, loadedCount, tail);

        public int Count => _loadedCount + _tail.Length;

        public object? this[int index] => (uint)index >= (uint)Count ? throw new ArgumentOutOfRangeException(nameof(index))
            : index < _loadedCount ? _loaded[_start + index] : _tail[index - _loadedCount];

        public IEnumerator<object?> GetEnumerator()
        {
            for (var i = 0; i < Count; i++) yield return this[i];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
