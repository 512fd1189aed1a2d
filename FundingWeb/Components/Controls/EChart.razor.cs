using FundingWeb.Model.Charts;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;

namespace FundingWeb.Components.Controls;

/// <summary>
/// A chart drawn by our chart module (wwwroot/js/charts.js, over Apache ECharts). The first render creates it; a new
/// <see cref="Spec"/> (shape) recreates it; new <see cref="Series"/> replaces its data; a live tick calls
/// <see cref="Append"/> and sends only the new points, by series id, without a component render; a rebuild of the
/// same series calls <see cref="Patch"/> and sends only the points that changed.
/// </summary>
public partial class EChart
{
    private ElementReference _element;
    private IJSObjectReference? _module;
    private string? _drawnShape;
    private IReadOnlyList<ChartSeries>? _drawnSeries;
    private LiveSeries? _live;
    private IReadOnlyList<ChartLine>? _xLines;
    private string? _subtitle;
    private bool _disposed;

    [Parameter, EditorRequired] public ChartSpec Spec { get; set; } = new();
    [Parameter] public IReadOnlyList<ChartSeries> Series { get; set; } = [];
    [Parameter] public string? Title { get; set; }
    [Parameter] public string? Subtitle { get; set; }
    [Parameter] public string TestId { get; set; } = "chart";
    /// <summary>Set by pages that write a richer CSV header (venues and markets, basis); otherwise the chart writes its own.</summary>
    [Parameter] public EventCallback OnCsv { get; set; }
    /// <summary>For the generic CSV header: what market the chart is about and the basis of its values.</summary>
    [Parameter] public string? ExportMarket { get; set; }
    [Parameter] public string ExportBasis { get; set; } = "as drawn";
    /// <summary>Controls or notes that belong to the chart, between its title and its plot (e.g. the slippage window).</summary>
    [Parameter] public RenderFragment? ChildContent { get; set; }

    [Inject] public required ILogger<EChart> Logger { get; init; }

    private string FileStem => Spec.FileName ?? TestId;

    private string SeriesNames => string.Join("|", Series.Select(s => s.Name));

    /// <summary>What the chart holds now: the series last sent, with every live point appended since (for exports).</summary>
    public IReadOnlyList<ChartSeries> Drawn => _live?.Current ?? Series;

    /// <summary>The newest x the chart holds for a series (live points included), or null.</summary>
    public double? LastX(string id) => _live?.LastX(id) ?? new LiveSeries(Series).LastX(id);

    /// <summary>The markup changes only with the series names or the subtitle; data goes to the module, not the render tree.</summary>
    protected override bool ShouldRender() => _drawnShape is null || _drawnShape != Spec.ShapeKey || !ReferenceEquals(_drawnSeries, Series) || _subtitle != Subtitle;

    protected override void OnAfterRender(bool firstRender) => _subtitle = Subtitle;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        try
        {
            if (_disposed) return;
            if (firstRender) _module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/charts.js");
            if (_module is null) return;
            if (_drawnShape != Spec.ShapeKey)
            {
                _drawnShape = Spec.ShapeKey;
                _drawnSeries = Series;
                _live = new LiveSeries(Series);
                _xLines = Spec.XLines;
                _lane?.Reset();
                var mode = await _module.InvokeAsync<string>("getTheme");
                await _module.InvokeVoidAsync("create", _element, new ChartPayload(Spec), new ChartPayload(Series), mode);
            }
            else if (!ReferenceEquals(_drawnSeries, Series))
            {
                _drawnSeries = Series;
                _live = new LiveSeries(Series);
                _xLines = Spec.XLines ?? _xLines;
                _lane?.Reset();
                await _module.InvokeVoidAsync("replace", _element, new ChartPayload(Series), new ChartPayload(Spec.XLines));
            }
        }
        catch (JSException ex)
        {
            // A chart the browser could not draw stays empty; the rest of the page keeps working.
            Logger.LogWarning(ex, "Chart {Chart} could not be drawn", TestId);
        }
        catch (Exception ex) when (ex is JSDisconnectedException or OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// A live tick: the new points of each series, by id, put into the chart in the browser (see <see cref="LiveSeries"/>:
    /// a point within <paramref name="merge"/> of the one before a live newest replaces that newest, so a long range gets
    /// one point per bucket) and trimmed to <paramref name="window"/> (when given) and to <see cref="ChartSeries.MaxPoints"/>.
    /// Nothing else crosses the circuit; points the chart would ignore are not sent. The tick does not wait for the
    /// browser (<see cref="ChartLane"/>).
    /// </summary>
    public void Append(IReadOnlyList<SeriesAppend> appends, TimeSpan? window = null, IReadOnlyList<ChartLine>? xLines = null, TimeSpan? merge = null)
    {
        if (_module is null || _disposed || _live is null) return;
        var sent = _live.Apply(appends, window, merge);
        if (sent.Count == 0 && xLines is null) return;
        _xLines = xLines ?? _xLines;
        Lane.Append(sent, new AppendOptions(ChartSeries.MaxPoints, window?.TotalMilliseconds, merge?.TotalMilliseconds, xLines));
    }

    /// <summary>
    /// The same series rebuilt (the ladder every few seconds): only the points that changed since what the chart holds
    /// travel (<see cref="SeriesDiff"/>), with the markers when they moved (alone: <see cref="SetMarkers"/>); nothing at
    /// all when neither did. Series that are not the same list (order, names, kinds) go whole, as does a patch while
    /// earlier updates wait for the browser. What the chart holds is bounded by the series' own size.
    /// </summary>
    public void Patch(IReadOnlyList<ChartSeries> series, IReadOnlyList<ChartLine>? xLines = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (_module is null || _disposed) return;
        var patches = SeriesDiff.Between(Drawn, series);
        var markers = xLines is not null && !(_xLines?.SequenceEqual(xLines) ?? false) ? xLines : null;
        Series = series;
        _drawnSeries = series;
        _live = new LiveSeries(series);
        _xLines = xLines ?? _xLines;
        if (patches is null) Lane.Resync();
        else if (patches.Count > 0) Lane.Patch(patches, markers);
        else if (markers is not null) Lane.Markers(markers);
    }

    /// <summary>Markers that move with live data (the ladder's price now), without touching a series.</summary>
    public void SetMarkers(IReadOnlyList<ChartLine> xLines)
    {
        if (_module is null || _disposed) return;
        _xLines = xLines;
        Lane.Markers(xLines);
    }

    /// <summary>Live updates on their way: sent without waiting, bounded, whole again after one that did not apply.</summary>
    private ChartLane Lane => _lane ??= new ChartLane(
        (identifier, args) => SendAsync(identifier, [_element, .. args.Select(a => new ChartPayload(a))]),
        () => [Drawn, _xLines],
        // Tagged by the chart (its test id, one per kind of chart), never by asset or range: a scrape stays a few series.
        () => Core.Telemetry.FundingMetrics.ChartUpdatesHeld.Add(1, new KeyValuePair<string, object?>("chart", TestId)));

    private ChartLane? _lane;

    /// <summary>
    /// A live update that cannot arrive (the browser left, the circuit is closing, the call timed out) is dropped, and one
    /// the chart could not apply is logged: the next load or tick draws the chart again, and the page lives on.
    /// </summary>
    /// <returns>True when the module applied it.</returns>
    private async Task<bool> SendAsync(string identifier, params object?[] args)
    {
        if (_module is null || _disposed) return false;
        try
        {
            await _module.InvokeVoidAsync(identifier, args);
            return true;
        }
        catch (JSException ex)
        {
            Logger.LogWarning(ex, "Chart {Chart} could not apply {Update}", TestId, identifier);
        }
        catch (Exception ex) when (ex is JSDisconnectedException or OperationCanceledException)
        {
        }
        return false;
    }

    private async Task DownloadCsvAsync()
    {
        if (OnCsv.HasDelegate)
        {
            await OnCsv.InvokeAsync();
            return;
        }
        var header = new Core.Exports.CsvHeader(string.Join("; ", Series.Select(s => s.Name)), ExportMarket ?? Title ?? TestId, ExportBasis,
            Spec.YTitle ?? "value", Subtitle, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        await DownloadTextAsync(FileStem + ".csv", ChartExport.Generic(Spec, Drawn, header));
    }

    private async Task DownloadPngAsync()
    {
        await SendAsync("downloadPng", _element, FileStem + ".png");
    }

    private async Task DownloadSvgAsync()
    {
        await SendAsync("downloadSvg", _element, FileStem + ".svg");
    }

    /// <summary>Hands a file the server built to the browser as a download.</summary>
    public async Task DownloadTextAsync(string fileName, string text, string mime = "text/csv;charset=utf-8")
    {
        await SendAsync("downloadText", fileName, text, mime);
    }

    public async Task DownloadBase64Async(string fileName, string base64, string mime)
    {
        await SendAsync("downloadBase64", fileName, base64, mime);
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        if (_module is null) return;
        try
        {
            await _module.InvokeVoidAsync("destroy", _element);
            await _module.DisposeAsync();
        }
        catch (Exception ex) when (ex is JSDisconnectedException or OperationCanceledException or JSException)
        {
            // The browser is gone (or its chart with it); nothing to clean up there.
        }
    }
}
