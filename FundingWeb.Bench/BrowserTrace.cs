using System.Text.Json;

namespace FundingWeb.Bench;

/// <summary>
/// Per-tick figures from a Chrome trace of the renderer's main thread. A tick is marked from the page (console.timeStamp
/// in a MutationObserver on what the tick changes, so the mark lands inside the task that applied it); everything the
/// main thread runs from the start of one tick's task to the start of the next is that tick's cost. Bytes come from the
/// WebSocket frames the page received in the same span (CDP and trace times share the monotonic clock).
/// </summary>
public sealed class BrowserTrace
{
    public const string Mark = "fw-tick";

    private readonly List<(long Pid, long Tid, double Start, double End)> _tasks = [];
    private readonly List<(long Pid, long Tid, double At)> _marks = [];
    private readonly List<(double At, int Bytes)> _frames = [];
    // Named work of at least a millisecond inside tasks (script calls, animation frames, layout, paint, GC): what the
    // worst tick spent its time on.
    private readonly List<(long Pid, long Tid, double Start, double End, string Name)> _events = [];
    // Every complete event by name (no 1 ms floor), for where the main thread's time goes on an average tick.
    private readonly List<(long Pid, long Tid, double Start, double End, string Name)> _all = [];
    private readonly Lock _lock = new();

    public static readonly string[] Categories = ["toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline"];

    /// <summary>One batch of <c>Tracing.dataCollected</c> events; only top-level tasks and our marks are kept.</summary>
    public void Add(JsonElement events)
    {
        lock (_lock)
        {
            foreach (var e in events.EnumerateArray())
            {
                var name = e.TryGetProperty("name", out var n) ? n.GetString() : null;
                var ph = e.TryGetProperty("ph", out var p) ? p.GetString() : null;
                if (!e.TryGetProperty("pid", out var pid) || !e.TryGetProperty("tid", out var tid) || !e.TryGetProperty("ts", out var ts)) continue;
                if (ph == "X" && name is not null && e.TryGetProperty("dur", out var any))
                {
                    _all.Add((pid.GetInt64(), tid.GetInt64(), ts.GetDouble(), ts.GetDouble() + any.GetDouble(), name));
                }
                if (ph == "X" && name is "RunTask" or "ThreadControllerImpl::RunTask" && e.TryGetProperty("dur", out var dur))
                {
                    _tasks.Add((pid.GetInt64(), tid.GetInt64(), ts.GetDouble(), ts.GetDouble() + dur.GetDouble()));
                }
                else if (ph == "X" && name is not null && e.TryGetProperty("dur", out var d) && d.GetDouble() >= 1000)
                {
                    _events.Add((pid.GetInt64(), tid.GetInt64(), ts.GetDouble(), ts.GetDouble() + d.GetDouble(), Label(name, e)));
                }
                else if (name == "TimeStamp" && e.TryGetProperty("args", out var args) && args.TryGetProperty("data", out var data)
                         && data.TryGetProperty("message", out var message) && message.GetString() == Mark)
                {
                    _marks.Add((pid.GetInt64(), tid.GetInt64(), ts.GetDouble()));
                }
            }
        }
    }

    private static string Label(string name, JsonElement e)
    {
        if (!e.TryGetProperty("args", out var args) || !args.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object) return name;
        var function = data.TryGetProperty("functionName", out var f) ? f.GetString() : null;
        var url = data.TryGetProperty("url", out var u) ? u.GetString() : null;
        var line = data.TryGetProperty("lineNumber", out var l) && l.ValueKind == JsonValueKind.Number ? l.GetInt32() : -1;
        if (string.IsNullOrEmpty(function) && string.IsNullOrEmpty(url)) return name;
        var file = string.IsNullOrEmpty(url) ? "" : url[(url.LastIndexOf('/') + 1)..];
        return $"{name} {function}{(file.Length > 0 ? $" ({file}{(line >= 0 ? $":{line + 1}" : "")})" : "")}";
    }

    /// <param name="timestampSeconds">CDP's <c>Network.webSocketFrameReceived</c> timestamp.</param>
    public void Frame(double timestampSeconds, int bytes)
    {
        lock (_lock) _frames.Add((timestampSeconds * 1e6, bytes));
    }

    public TickFigures Figures()
    {
        lock (_lock)
        {
            if (_marks.Count < 2) return new TickFigures(Math.Max(0, _marks.Count - 1), [], [], [], 0, 0);
            var (pid, tid) = (_marks[0].Pid, _marks[0].Tid);
            var tasks = Merge(_tasks.Where(t => t.Pid == pid && t.Tid == tid).Select(t => (t.Start, t.End)).OrderBy(t => t.Start));
            // One boundary per task that applied a tick (two marks in one task are one tick).
            var boundaries = _marks.Where(m => m.Pid == pid && m.Tid == tid).Select(m => m.At).Order()
                .Select(at => tasks.FirstOrDefault(t => t.Start <= at && at <= t.End) is { End: > 0 } t ? t : (Start: at, End: at))
                .DistinctBy(t => t.Start).ToList();
            var busy = new List<double>();
            var tickTasks = new List<double>();
            var bytes = new List<double>();
            for (var i = 0; i + 1 < boundaries.Count; i++)
            {
                var (from, to) = (boundaries[i].Start, boundaries[i + 1].Start);
                busy.Add(tasks.Where(t => t.Start >= from && t.Start < to).Sum(t => t.End - t.Start) / 1000);
                tickTasks.Add((boundaries[i].End - boundaries[i].Start) / 1000);
                bytes.Add(_frames.Where(f => f.At >= from && f.At < to).Sum(f => f.Bytes));
            }
            var during = tasks.Where(t => t.Start >= boundaries[0].Start && t.Start < boundaries[^1].Start).Select(t => (t.End - t.Start) / 1000).ToList();
            return new TickFigures(busy.Count, busy, tickTasks, bytes, during.Count == 0 ? 0 : during.Max(), during.Count(d => d > 50),
                Worst(busy, boundaries, tasks, pid, tid), SelfTimes(pid, tid, boundaries[0].Start, boundaries[^1].Start, busy.Count));
        }
    }

    /// <summary>The tick with most main-thread work and its longest named events (nested ones included, so they overlap).</summary>
    private string Worst(List<double> busy, List<(double Start, double End)> boundaries, List<(double Start, double End)> tasks, long pid, long tid)
    {
        if (busy.Count == 0) return "";
        var i = busy.IndexOf(busy.Max());
        var (from, to) = (boundaries[i].Start, boundaries[i + 1].Start);
        var inTick = tasks.Where(t => t.Start >= from && t.Start < to).ToList();
        var (count, over1) = (inTick.Count, inTick.Count(t => t.End - t.Start >= 1000));
        var top = _events.Where(e => e.Pid == pid && e.Tid == tid && e.Start >= from && e.Start < to)
            .OrderByDescending(e => e.End - e.Start).Take(8)
            .Select(e => $"{e.Name} {(e.End - e.Start) / 1000:0.0} ms at +{(e.Start - from) / 1000:0}");
        return $"{busy[i]:0.0} ms in {count} tasks ({over1} over 1 ms): " + string.Join("; ", top);
    }

    /// <summary>
    /// Main-thread self time (an event's own time, less the events nested in it) by event name over the ticks, per tick on
    /// average: the biggest first. Task wrappers' own time is the scheduler's between their children.
    /// </summary>
    private string SelfTimes(long pid, long tid, double from, double to, int ticks)
    {
        var events = _all.Where(e => e.Pid == pid && e.Tid == tid && e.Start >= from && e.Start < to)
            .OrderBy(e => e.Start).ThenByDescending(e => e.End).ToList();
        var self = new Dictionary<string, double>();
        var open = new Stack<(double End, string Name)>();
        foreach (var e in events)
        {
            while (open.Count > 0 && open.Peek().End <= e.Start) open.Pop();
            // Time inside a parent belongs to the child: take it off the innermost open event.
            if (open.Count > 0)
            {
                var parent = open.Peek();
                self[parent.Name] = self.GetValueOrDefault(parent.Name) - (Math.Min(e.End, parent.End) - e.Start);
            }
            self[e.Name] = self.GetValueOrDefault(e.Name) + (e.End - e.Start);
            open.Push((e.End, e.Name));
        }
        return string.Join("; ", self.OrderByDescending(kv => kv.Value).Take(12).Select(kv => $"{kv.Key} {kv.Value / 1000 / ticks:0.00}"));
    }

    /// <summary>Nested or overlapping task events counted once.</summary>
    private static List<(double Start, double End)> Merge(IEnumerable<(double Start, double End)> ordered)
    {
        var merged = new List<(double Start, double End)>();
        foreach (var t in ordered)
        {
            if (merged.Count > 0 && t.Start <= merged[^1].End) merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, t.End));
            else merged.Add(t);
        }
        return merged;
    }
}

/// <param name="BusyMs">Main-thread time per tick: every task from one tick's task to the next one's.</param>
/// <param name="TickTaskMs">The task that applied the tick (the live message, the chart update, its paint).</param>
/// <param name="Bytes">WebSocket bytes received per tick.</param>
/// <param name="Worst">The tick with most main-thread work, and the longest named events in it.</param>
/// <param name="SelfTimes">Main-thread self time by event name, ms per tick on average, biggest first.</param>
public sealed record TickFigures(int Ticks, IReadOnlyList<double> BusyMs, IReadOnlyList<double> TickTaskMs, IReadOnlyList<double> Bytes, double LongestTaskMs, int LongTasks,
    string Worst = "", string SelfTimes = "");
