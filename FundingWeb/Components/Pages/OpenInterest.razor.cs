using FundingWeb.Components.Controls;
using FundingWeb.Core.Storage;
using FundingWeb.Model;
using Microsoft.AspNetCore.Components;

namespace FundingWeb.Components.Pages;

public partial class OpenInterest
{
    private OpenInterestPageModel? _model;
    private IReadOnlyList<OpenInterestPoint> _recent = [];
    private OpenInterestKpis? _kpis;
    private IReadOnlyList<OpenInterestRow> _rows = [];
    private OpenInterestHeadline? _headline;
    private OpenInterestSharesTable? _shares;
    private EChart? _stackChart;
    private EChart? _hhiChart;

    [Inject] public required HistoryQueries Queries { get; init; }

    private IReadOnlyList<(string Id, string Name)> VenueOptions => Snapshot.Venues.Values.Select(v => (v.Venue.Id, v.Venue.Name)).ToList();

    protected override async Task LoadAsync()
    {
        var (from, to) = State.Range.Resolve(Now);
        // A day more than the range, so the 24h change is known at the range start too.
        var history = await Queries.GetOpenInterestAsync(CurrentAsset, from.AddDays(-1).ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds(), default);
        _model = OpenInterestPageModel.Build(CurrentAsset, State, history, Snapshot, from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds());
        _recent = OpenInterestPageModel.Recent(history, to.ToUnixTimeMilliseconds());
        _kpis = OpenInterestFigures.Kpis(_model.Breakdown);
        _rows = OpenInterestFigures.Rows(_model.Breakdown, _model.VenueNames);
    }

    /// <summary>
    /// A tick hands the headline and the shares table their new figures (each renders only what changed; the page does not
    /// render) and fills the current bucket of both charts. The stack is small (a bucket per point, ≤ 2,000 points), so
    /// its tick redraws it whole; measured in the browser benchmark.
    /// </summary>
    protected override Task OnTickAsync()
    {
        if (_model is null) return Task.CompletedTask;
        var nowMs = Now.ToUnixTimeMilliseconds();
        var live = OpenInterestPageModel.LiveBreakdown(CurrentAsset, State, _recent, Snapshot, nowMs);
        _headline?.Show(OpenInterestFigures.Kpis(live));
        _shares?.Show(OpenInterestFigures.Rows(live, _model.VenueNames));
        if (State.Range.IsCustom) return Task.CompletedTask;
        _stackChart?.Append(_model.LiveStack(Snapshot, CurrentAsset, State, _stackChart.Drawn, nowMs), State.Range.Length);
        _hhiChart?.Append(_model.LiveHhi(live, nowMs), State.Range.Length);
        return Task.CompletedTask;
    }
}
