using System.Globalization;
using FundingWeb.Components.Controls;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Storage;
using FundingWeb.Model;
using FundingWeb.Model.Charts;
using Microsoft.AspNetCore.Components;

namespace FundingWeb.Components.Pages;

public partial class Funding
{
    private FundingPageModel? _model;
    private FundingWindow _window = FundingPageModel.SlippageWindows[1];
    private ApexChart? _historyChart;
    private ApexChart? _slippageChart;
    private List<ChartSeries> _history = [];

    [Inject] public required HistoryQueries Queries { get; init; }

    private IReadOnlyList<(string Id, string Name)> VenueOptions => Snapshot.Venues.Values.Select(v => (v.Venue.Id, v.Venue.Name)).ToList();

    protected override async Task LoadAsync()
    {
        var asset = CurrentAsset;
        var (from, to) = State.Range.Resolve(Now);
        _window = FundingPageModel.SlippageWindow(State.Window);
        // The slippage chart needs settlements up to a window past each start, so read settled rows from the range start.
        var settled = await Queries.GetFundingAsync(asset, FundingKind.Settled, from.ToUnixTimeMilliseconds() - TermStructure.Windows[^1].Milliseconds, to.ToUnixTimeMilliseconds(), default);
        var quoted = await Queries.GetFundingAsync(asset, FundingKind.Quoted, from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds(), default);
        var names = Snapshot.Venues.Values.ToDictionary(v => v.Venue.Id, v => v.Venue.Name);
        _model = FundingPageModel.Build(asset, State, settled, quoted, names, from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds());
        _history = _model.History.ToList();
    }

    /// <summary>A tick appends each venue's newest quote to its quoted series: data only, no re-render.</summary>
    protected override async Task OnTickAsync()
    {
        if (_model is null || _historyChart is null || State.Range.IsCustom) return;
        // A new list each tick, and the same list the markup passes: a page render in between then finds the chart already
        // holding it and sends nothing, instead of putting back the series without the live points.
        var history = _history.ToList();
        var changed = false;
        for (var i = 0; i < _model.VenueOrder.Count; i++)
        {
            var venue = _model.VenueOrder[i];
            if (!Snapshot.Venues.TryGetValue(venue, out var v) || v.ForAsset(CurrentAsset)?.Funding is not { } quote) continue;
            var index = 2 * i + 1;
            if (index >= history.Count) continue;
            var data = history[index].Data;
            if (data.Count > 0 && data[^1] is double[] last && last[0] >= quote.TimeMs) continue;
            var next = data.Skip(data.Count >= ChartSeries.MaxPoints ? 1 : 0).Append(FundingPageModel.LivePoint(quote, State.Basis)).ToList();
            history[index] = history[index] with { Data = next };
            changed = true;
        }
        if (!changed) return;
        _history = history;
        await _historyChart.SetSeriesAsync(_history);
    }

    /// <summary>Exactly the series the chart holds now (live points included), at the page's basis.</summary>
    private async Task DownloadCsvAsync(ApexChart? chart, ChartSpec spec, IReadOnlyList<ChartSeries> series)
    {
        if (chart is null) return;
        await chart.DownloadTextAsync((spec.FileName ?? "chart") + ".csv", ChartExport.Csv(series, Header(series, spec)));
    }

    private async Task DownloadAllAsync()
    {
        if (_model is null || _historyChart is null) return;
        var zip = ChartExport.Zip(
        [
            ((_model.HistorySpec.FileName ?? "funding") + ".csv", _history, Header(_history, _model.HistorySpec)),
            ((_model.SlippageSpec.FileName ?? "slippage") + ".csv", _model.Slippage, Header(_model.Slippage, _model.SlippageSpec)),
        ]);
        await _historyChart.DownloadBase64Async($"funding-{CurrentAsset}-{State.Range.Token}.zip", Convert.ToBase64String(zip), "application/zip");
    }

    /// <summary>Names the venues and their markets, the basis and the unit of what the file holds.</summary>
    private Core.Exports.CsvHeader Header(IReadOnlyList<ChartSeries> series, ChartSpec spec)
    {
        var markets = series.Select(s => s.Meta is { } m ? $"{m.Venue}: {m.Market}" : s.Name).Distinct().ToList();
        var unit = spec == _model?.SlippageSpec ? "percent APR (realised − quoted)" : ChartExport.PercentUnit;
        return new Core.Exports.CsvHeader(string.Join("; ", series.Select(s => s.Meta?.Venue ?? s.Name).Distinct()), $"{CurrentAsset} ({string.Join("; ", markets)})",
            FundingBasis.Token(State.Basis), unit, State.Range.Label, Now.ToUnixTimeMilliseconds());
    }

    private static string Apr(double? value) => Display.Number(value * 100, "+0.00;-0.00;0.00");
}
