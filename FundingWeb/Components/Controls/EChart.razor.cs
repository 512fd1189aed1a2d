using FundingWeb.Model.Charts;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;

namespace FundingWeb.Components.Controls;

/// <summary>
/// A chart drawn by our chart module (wwwroot/js/charts.js, over Apache ECharts). The first render creates it; a new
/// <see cref="Spec"/> (shape) recreates it; new <see cref="Series"/> replaces its data; a live tick calls
/// <see cref="AppendAsync"/> and sends only the new points, by series id, without a component render.
/// </summary>
public partial class EChart
{
    private ElementReference _element;
    private IJSObjectReference? _module;
    private string? _drawnShape;
    private IReadOnlyList<ChartSeries>? _drawnSeries;
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

    [Inject] public required ILogger<EChart> Logger { get; init; }

    private string FileStem => Spec.FileName ?? TestId;

    private string SeriesNames => string.Join("|", Series.Select(s => s.Name));

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
                var mode = await _module.InvokeAsync<string>("getTheme");
                await _module.InvokeVoidAsync("create", _element, Spec, Series, mode);
            }
            else if (!ReferenceEquals(_drawnSeries, Series))
            {
                _drawnSeries = Series;
                await _module.InvokeVoidAsync("replace", _element, Series, Spec.XLines);
            }
        }
        catch (JSException ex)
        {
            // A chart the browser could not draw stays empty; the rest of the page keeps working.
            Logger.LogWarning(ex, "Chart {Chart} could not be drawn", TestId);
        }
        catch (JSDisconnectedException)
        {
        }
    }

    /// <summary>
    /// A live tick: the new points of each series, by id, appended in the browser and trimmed to
    /// <paramref name="window"/> (when given) and to <see cref="ChartSeries.MaxPoints"/>. Nothing else crosses the circuit.
    /// </summary>
    public async Task AppendAsync(IReadOnlyList<SeriesAppend> appends, TimeSpan? window = null, IReadOnlyList<ChartLine>? xLines = null)
    {
        if (_module is null || _disposed || (appends.Count == 0 && xLines is null)) return;
        try
        {
            await _module.InvokeVoidAsync("append", _element, appends,
                new { maxPoints = ChartSeries.MaxPoints, windowMs = window is { } w ? (double?)w.TotalMilliseconds : null, xLines });
        }
        catch (JSDisconnectedException)
        {
        }
    }

    /// <summary>
    /// New data for every series at once, same shape (a chart that is not a time series, like the ladder, changes as a whole).
    /// </summary>
    public async Task ReplaceAsync(IReadOnlyList<ChartSeries> series, IReadOnlyList<ChartLine>? xLines = null)
    {
        if (_module is null || _disposed) return;
        Series = series;
        _drawnSeries = series;
        try
        {
            await _module.InvokeVoidAsync("replace", _element, series, xLines);
        }
        catch (JSDisconnectedException)
        {
        }
    }

    /// <summary>Markers that move with live data (the ladder's price now), without touching a series.</summary>
    public async Task SetMarkersAsync(IReadOnlyList<ChartLine> xLines)
    {
        if (_module is null || _disposed) return;
        try
        {
            await _module.InvokeVoidAsync("setMarkers", _element, xLines);
        }
        catch (JSDisconnectedException)
        {
        }
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
        await DownloadTextAsync(FileStem + ".csv", ChartExport.Generic(Spec, Series, header));
    }

    private async Task DownloadPngAsync()
    {
        if (_module is not null) await _module.InvokeVoidAsync("downloadPng", _element, FileStem + ".png");
    }

    private async Task DownloadSvgAsync()
    {
        if (_module is not null) await _module.InvokeVoidAsync("downloadSvg", _element, FileStem + ".svg");
    }

    /// <summary>Hands a file the server built to the browser as a download.</summary>
    public async Task DownloadTextAsync(string fileName, string text, string mime = "text/csv;charset=utf-8")
    {
        if (_module is not null) await _module.InvokeVoidAsync("downloadText", fileName, text, mime);
    }

    public async Task DownloadBase64Async(string fileName, string base64, string mime)
    {
        if (_module is not null) await _module.InvokeVoidAsync("downloadBase64", fileName, base64, mime);
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
        catch (JSDisconnectedException)
        {
            // The browser is gone; nothing to clean up there.
        }
    }
}
