using FundingWeb.Model.Charts;

namespace FundingWeb.Components.Controls;

/// <summary>
/// The live updates of one chart on their way to the browser. A tick hands its update over and goes on: it never waits
/// for the browser's answer, so a slow or starved browser does not hold the server's next tick (nor its latency figure)
/// back. At most <see cref="MaxUnacknowledged"/> updates are unanswered at a time (as Blazor bounds its own render
/// batches); what comes while the browser is that far behind is held and merged, and goes as one update with the next
/// answer: the appends of several ticks as one append (the module applies them point by point, as the server's copy
/// did), the newest markers, and anything the module cannot take as changes (a patch over held points, more held points
/// than a chart keeps, an update that failed) as the chart's whole data once. What is held is bounded by a chart's size.
/// Not thread-safe: called on the component's dispatcher, as its continuations are.
/// </summary>
public sealed class ChartLane(Func<string, object?[], Task<bool>> send, Func<object?[]> whole, Action? onHeld = null)
{
    /// <summary>Unanswered updates a chart may have on the circuit at once.</summary>
    public const int MaxUnacknowledged = 3;

    private readonly List<SeriesAppend> _appends = [];
    private int _heldPoints;
    private AppendOptions? _options;
    private IReadOnlyList<ChartLine>? _markers;
    private bool _resync;
    private bool _lost;

    /// <summary>Updates sent whose answer has not come back.</summary>
    public int InFlight { get; private set; }

    /// <summary>Points that wait for an answer (never more than a chart keeps: past that the whole chart goes instead).</summary>
    public int HeldPoints => _heldPoints;

    /// <summary>Something waits for an answer before it can go.</summary>
    public bool Holding => _resync || _appends.Count > 0 || _markers is not null;

    private bool Busy => InFlight >= MaxUnacknowledged || Holding;

    /// <summary>New points (already applied to the server's copy) and the append options that go with them (moved markers included).</summary>
    public void Append(IReadOnlyList<SeriesAppend> points, AppendOptions options)
    {
        if (_lost) Resync();
        else if (Busy)
        {
            Hold();
            _markers = options.XLines ?? _markers;
            // The whole chart goes next: it carries these points, so they need not wait as well.
            if (_resync) return;
            foreach (var append in points)
            {
                var at = _appends.FindIndex(a => a.Id == append.Id);
                if (at < 0) _appends.Add(append);
                else _appends[at] = new SeriesAppend(append.Id, [.. _appends[at].Points, .. append.Points]);
                _heldPoints += append.Points.Count;
            }
            _options = options;
            // More than a chart keeps: its whole data is smaller than the points that wait.
            if (_heldPoints > ChartSeries.MaxPoints)
            {
                _resync = true;
                _appends.Clear();
                _heldPoints = 0;
            }
        }
        else Start("append", points, options);
    }

    /// <summary>Changed points against the chart's data as the server holds it (which the browser may not have yet).</summary>
    public void Patch(IReadOnlyList<SeriesPatch> patches, IReadOnlyList<ChartLine>? markers)
    {
        if (_lost || Busy) Resync();
        else Start("patch", patches, markers);
    }

    /// <summary>Markers that move with live data.</summary>
    public void Markers(IReadOnlyList<ChartLine> markers)
    {
        if (_lost) Resync();
        else if (Busy)
        {
            Hold();
            _markers = markers;
        }
        else Start("setMarkers", markers);
    }

    /// <summary>The chart's whole data: now when the lane has room, else with the next answer.</summary>
    public void Resync()
    {
        if (InFlight >= MaxUnacknowledged)
        {
            Hold();
            _resync = true;
            return;
        }
        Clear();
        _lost = false;
        Start("replace", whole());
    }

    /// <summary>The chart was drawn whole outside the lane (new data from a render): whatever waited is superseded.</summary>
    public void Reset()
    {
        Clear();
        _lost = false;
    }

    /// <summary>Every update that waits is counted (fundingweb.chart.updates.held).</summary>
    private void Hold() => onHeld?.Invoke();

    private void Clear()
    {
        _appends.Clear();
        _heldPoints = 0;
        _options = null;
        _markers = null;
        _resync = false;
    }

    private void Start(string identifier, params object?[] args)
    {
        InFlight++;
        _ = AnsweredAsync(send(identifier, args));
    }

    /// <summary>
    /// An update that did not apply leaves the browser's data unknown: the next update sends it whole (not this answer:
    /// a browser that is gone would fail it again at once). What waited goes now.
    /// </summary>
    private async Task AnsweredAsync(Task<bool> sent)
    {
        var applied = await sent;
        InFlight--;
        if (!applied) _lost = true;
        if (!Holding) return;
        if (_resync || _lost) Resync();
        else if (_appends.Count > 0)
        {
            var (appends, options, markers) = (_appends.ToList(), _options!, _markers);
            Clear();
            Start("append", appends, options with { XLines = markers });
        }
        else
        {
            var markers = _markers!;
            Clear();
            Start("setMarkers", markers);
        }
    }
}

/// <summary>What goes with an append: how the module trims and merges (as <see cref="LiveSeries"/> did), and moved markers.</summary>
public sealed record AppendOptions(int MaxPoints, double? WindowMs, double? MergeMs, IReadOnlyList<ChartLine>? XLines);
