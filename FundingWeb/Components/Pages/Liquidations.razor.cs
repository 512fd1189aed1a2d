using System.Globalization;
using FundingWeb.Components.Controls;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.Storage;
using FundingWeb.Model;
using Microsoft.AspNetCore.Components;

namespace FundingWeb.Components.Pages;

public partial class Liquidations
{
    private LiquidationsPageModel? _model;
    private EChart? _chart;
    private IReadOnlyList<OpenInterestPoint> _oi = [];
    private IReadOnlyList<LiquidationEvent> _realised = [];
    private long _lastBuiltMs;

    [Inject] public required HistoryQueries Queries { get; init; }

    protected override async Task LoadAsync()
    {
        var (from, to) = State.Range.Resolve(Now);
        _oi = await Queries.GetOpenInterestAsync(CurrentAsset, from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds(), default);
        _realised = await Queries.GetLiquidationsAsync(CurrentAsset, State.Venue, from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds(), default);
        _model = LiquidationsPageModel.Build(CurrentAsset, State.Venue, Snapshot, _oi, _realised);
        _lastBuiltMs = Now.ToUnixTimeMilliseconds();
    }

    /// <summary>Every few seconds the ladder is rebuilt from the live snapshot; same shape → data only to the chart.</summary>
    protected override async Task OnTickAsync()
    {
        if (Now.ToUnixTimeMilliseconds() - _lastBuiltMs < 5000) return;
        _lastBuiltMs = Now.ToUnixTimeMilliseconds();
        var next = LiquidationsPageModel.Build(CurrentAsset, State.Venue, Snapshot, _oi, _realised);
        if (next is null || _model is null || next.Spec.ShapeKey != _model.Spec.ShapeKey || _chart is null)
        {
            _model = next;
            StateHasChanged();
            return;
        }
        _model = next;
        await _chart.ReplaceAsync(next.Series, next.Spec.XLines);
    }

    private void OnVenueChanged(ChangeEventArgs e)
    {
        var venue = Convert.ToString(e.Value, CultureInfo.InvariantCulture);
        Go(FundingUrls.Liquidations(State with { Asset = CurrentAsset, Venue = string.IsNullOrEmpty(venue) ? null : venue }));
    }
}
