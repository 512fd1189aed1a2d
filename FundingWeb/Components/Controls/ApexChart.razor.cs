using Microsoft.Extensions.Logging;
using FundingWeb.Model.Charts;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace FundingWeb.Components.Controls;

/// <summary>
/// An ApexCharts chart. The first render creates it; a new <see cref="Spec"/> (shape) recreates it; new
/// <see cref="Series"/> or <see cref="SetSeriesAsync"/> sends data only, to the same chart, without re-rendering.
/// </summary>
public partial class ApexChart
{
    private ElementReference _element;
    private IJSObjectReference? _module;
    private string? _drawnShape;
    private IReadOnlyList<ChartSeries>? _drawnSeries;
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

    private string FileStem => Spec.FileName ?? TestId;

    /// <summary>The markup never changes after the first render; only a new shape or new data needs this component.</summary>
    protected override bool ShouldRender() => _drawnShape is null || _drawnShape != Spec.ShapeKey || !ReferenceEquals(_drawnSeries, Series) || _subtitle != Subtitle;

    private string? _subtitle;

    protected override void OnAfterRender(bool firstRender) => _subtitle = Subtitle;

    private string SeriesNames => string.Join("|", Series.Select(s => s.Name));

    [Inject] public required ILogger<ApexChart> Logger { get; init; }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        try
        {
            await DrawAsync(firstRender);
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

    private async Task DrawAsync(bool firstRender)
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
            await _module.InvokeVoidAsync("update", _element, Series, Spec.XLines);
        }
    }

    /// <summary>A live tick: data only, no component render, no chart re-creation.</summary>
    public async Task SetSeriesAsync(IReadOnlyList<ChartSeries> series, IReadOnlyList<ChartLine>? xLines = null)
    {
        if (_module is null || _disposed) return;
        Series = series;
        _drawnSeries = series;
        await _module.InvokeVoidAsync("update", _element, series, xLines);
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
