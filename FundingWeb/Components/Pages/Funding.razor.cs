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
    private EChart? _historyChart;
    private EChart? _slippageChart;
    private IReadOnlyList<ChartSeries> _history = [];
    private readonly Dictionary<string, List<double[]>> _live = new(StringComparer.Ordinal);

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
        _history = _model.History;
        _live.Clear();
    }

    /// <summary>
    /// A tick sends each venue's newest quote to its quoted series by id: new points only, no re-render, no history resent.
    /// The points are kept here too, so a CSV is exactly what the chart holds.
    /// </summary>
    protected override async Task OnTickAsync()
    {
        if (_model is null || _historyChart is null || State.Range.IsCustom) return;
        var appends = new List<SeriesAppend>();
        foreach (var venue in _model.VenueOrder)
        {
            // Implausible quotes are never drawn into a series (they would set its scale); the Overview shows them with their reason.
            if (!Snapshot.Venues.TryGetValue(venue, out var v) || v.ForAsset(CurrentAsset)?.PlausibleFunding is not { } quote) continue;
            var key = FundingPageModel.QuotedKey(venue);
            var live = _live.TryGetValue(key, out var list) ? list : _live[key] = [];
            var lastMs = live.Count > 0 ? live[^1][0] : LastX(key);
            if (lastMs is { } last && last >= quote.TimeMs) continue;
            var point = FundingPageModel.LivePoint(quote, State.Basis);
            live.Add(point);
            if (live.Count > ChartSeries.MaxPoints) live.RemoveAt(0);
            appends.Add(new SeriesAppend(key, [point]));
        }
        if (appends.Count == 0) return;
        await _historyChart.AppendAsync(appends, State.Range.Length);
    }

    private double? LastX(string key) =>
        _history.FirstOrDefault(s => s.Id == key)?.Data is { Count: > 0 } data && data[^1] is double[] last ? last[0] : null;

    /// <summary>The history series with the live points appended, trimmed as the chart trims them.</summary>
    private List<ChartSeries> WithLive() => _history.Select(s =>
    {
        if (!_live.TryGetValue(s.Id, out var live) || live.Count == 0) return s;
        var data = s.Data.Concat(live.Cast<object?>()).ToList();
        if (State.Range.Length is { } length && live.Count > 0)
        {
            var floor = live[^1][0] - length.TotalMilliseconds;
            data = data.Where(p => p is not double[] xy || xy[0] >= floor).ToList();
        }
        return s with { Data = data.Count > ChartSeries.MaxPoints ? data.Skip(data.Count - ChartSeries.MaxPoints).ToList() : data };
    }).ToList();

    /// <summary>Exactly the series the chart holds now (live points included), at the page's basis.</summary>
    private async Task DownloadCsvAsync(EChart? chart, ChartSpec spec, IReadOnlyList<ChartSeries> series)
    {
        if (chart is null) return;
        await chart.DownloadTextAsync((spec.FileName ?? "chart") + ".csv", ChartExport.Csv(series, Header(series, spec)));
    }

    private async Task DownloadAllAsync()
    {
        if (_model is null || _historyChart is null) return;
        var zip = ChartExport.Zip(
        [
            ((_model.HistorySpec.FileName ?? "funding") + ".csv", WithLive(), Header(_history, _model.HistorySpec)),
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
