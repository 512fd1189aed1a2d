using FundingWeb.Components.Controls;
using FundingWeb.Core.Exports;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Storage;
using FundingWeb.Model;
using FundingWeb.Model.Charts;
using Microsoft.AspNetCore.Components;

namespace FundingWeb.Components.Pages;

public partial class Funding
{
    private IReadOnlyList<Model.Charts.ChartSeries> _premium = [];
    private Model.Charts.ChartSpec _premiumSpec = PremiumChart.Spec("BTC");
    private FundingPageModel? _model;
    private FundingWindow _window = FundingPageModel.SlippageWindows[1];
    private EChart? _historyChart;
    private EChart? _termChart;
    private EChart? _slippageChart;

    [Inject] public required HistoryQueries Queries { get; init; }

    private IReadOnlyList<(string Id, string Name)> VenueOptions => Snapshot.Venues.Values.Select(v => (v.Venue.Id, v.Venue.Name)).ToList();

    private string HistorySubtitle =>
        $"{FundingBasis.Label(State.Basis)} · {State.Range.Label} · quoted live, settled at each venue's settlements; quoted averaged into time buckets for long ranges"
        + (_model?.ReferenceOrder is { Count: > 0 } ? " · CEX reference: Hyperliquid predictedFundings, each entry over its own interval, not traded here" : "");

    /// <summary>Why the reference lines stopped moving, when they did (read with the page, like its history).</summary>
    private string? ReferenceStale => Snapshot.References.Status is { IsStale: true } s && (_model?.ReferenceOrder is { Count: > 0 } || s.Polls > 0)
        ? $"CEX reference feed stale since {Display.Utc(s.StaleSinceMs)}: {s.StaleReason}; its lines keep their last readings"
        : null;

    protected override async Task LoadAsync()
    {
        var asset = CurrentAsset;
        var (from, to) = State.Range.Resolve(Now);
        var (fromMs, toMs) = (from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds());
        _window = FundingPageModel.SlippageWindow(State.Window);
        // The slippage chart needs settlements up to a window past each start, so read settled rows from the range start.
        var settled = await Queries.GetFundingAsync(asset, FundingKind.Settled, fromMs - TermStructure.Windows[^1].Milliseconds, toMs, default);
        var quoted = await Queries.GetFundingAsync(asset, FundingKind.Quoted, fromMs, toMs, default);
        var implausible = await Queries.GetImplausibleFundingAsync(asset, fromMs, toMs, FundingPageModel.MaxImplausible, default);
        var references = await Queries.GetReferenceRatesAsync(asset, fromMs, toMs, default);
        var names = Snapshot.Venues.Values.ToDictionary(v => v.Venue.Id, v => v.Venue.Name);
        _model = FundingPageModel.Build(asset, State, settled, quoted, names, fromMs, toMs, implausible, references);
        _premiumSpec = PremiumChart.Spec(asset);
        _premium = PremiumChart.Series(await Queries.GetPremiumAsync(asset, fromMs, toMs, default), names);
    }

    /// <summary>
    /// A tick sends each venue's newest quote to its quoted series by id: new points only, no render, no history resent.
    /// The chart keeps its own copy of what it holds (<see cref="EChart.Drawn"/>), so a CSV is exactly what it shows.
    /// </summary>
    protected override Task OnTickAsync()
    {
        if (_model is null || _historyChart is null || State.Range.IsCustom) return Task.CompletedTask;
        var appends = new List<SeriesAppend>();
        foreach (var venue in _model.VenueOrder)
        {
            // Implausible quotes are never drawn into a series (they would set its scale); the Overview shows them with their reason.
            if (!Snapshot.Venues.TryGetValue(venue, out var v) || v.ForAsset(CurrentAsset)?.PlausibleFunding is not { } quote) continue;
            var key = FundingPageModel.QuotedKey(venue);
            if (_historyChart.LastX(key) is { } last && last >= quote.TimeMs) continue;
            appends.Add(new SeriesAppend(key, [FundingPageModel.LivePoint(quote, State.Basis)]));
        }
        // Reference lines the page drew on load take their exchange's newest reading; an exchange that first appears later
        // waits for the next load (a new series is a change of shape, not a tick).
        foreach (var exchange in _model.ReferenceOrder ?? [])
        {
            if (Snapshot.References.Latest(CurrentAsset, exchange) is not { } reading) continue;
            var key = ReferenceSeries.Key(exchange);
            if (_historyChart.LastX(key) is { } last && last >= reading.TimeMs) continue;
            appends.Add(new SeriesAppend(key, [ReferenceSeries.LivePoint(reading, State.Basis)]));
        }
        if (appends.Count > 0) _historyChart.Append(appends, State.Range.Length, merge: FundingPageModel.LiveMerge(State.Range));
        return Task.CompletedTask;
    }

    private Task DownloadHistoryCsvAsync() =>
        _model is null || _historyChart is null ? Task.CompletedTask
            : _historyChart.DownloadTextAsync(FileName(_model.HistorySpec), ChartExport.Csv(_historyChart.Drawn, Header(_historyChart.Drawn, ChartExport.PercentUnit)));

    private Task DownloadSlippageCsvAsync() =>
        _model is null || _slippageChart is null ? Task.CompletedTask
            : _slippageChart.DownloadTextAsync(FileName(_model.SlippageSpec), ChartExport.Csv(_model.Slippage, Header(_model.Slippage, SlippageUnit)));

    private async Task DownloadAllAsync()
    {
        if (_model is null || _historyChart is null) return;
        var history = _historyChart.Drawn;
        var files = new List<ExportFile>
        {
            new(FileName(_model.HistorySpec), ChartExport.Csv(history, Header(history, ChartExport.PercentUnit))),
            new(FileName(_model.TermSpec), ChartExport.Generic(_model.TermSpec, _model.Term, Header(_model.Term, ChartExport.PercentUnit) with { Range = "windows ending now" })),
            new(FileName(_model.SlippageSpec), ChartExport.Csv(_model.Slippage, Header(_model.Slippage, SlippageUnit))),
        };
        await _historyChart.DownloadBase64Async($"funding-{CurrentAsset}-{State.Range.Token}.zip", Convert.ToBase64String(CsvZip.Create(files)), "application/zip");
    }

    private const string SlippageUnit = "percent APR (realised − quoted)";

    private static string FileName(ChartSpec spec) => (spec.FileName ?? "chart") + ".csv";

    /// <summary>Names the venues and their markets, the basis and the unit of what the file holds (markers are not a venue).</summary>
    private CsvHeader Header(IReadOnlyList<ChartSeries> series, string unit)
    {
        var lines = series.Where(s => !s.Marker).ToList();
        var markets = lines.Select(s => s.Meta is { } m ? $"{m.Venue}: {m.Market}" : s.Name).Distinct().ToList();
        return new CsvHeader(string.Join("; ", lines.Select(s => s.Meta?.Venue ?? s.Name).Distinct()), $"{CurrentAsset} ({string.Join("; ", markets)})",
            FundingBasis.Token(State.Basis), unit, State.Range.Label, Now.ToUnixTimeMilliseconds());
    }
}
