using FundingWeb.Core.Funding;
using FundingWeb.Core.Live;
using FundingWeb.Model;
using Microsoft.AspNetCore.Components;

namespace FundingWeb.Components.Pages;

public partial class Overview : IDisposable
{
    private static readonly RateBasis[] BasisOptions = [RateBasis.Hourly, RateBasis.EightHour, RateBasis.Apr];

    private IDisposable? _subscription;
    private MarketSnapshot _snapshot = MarketSnapshot.Empty;
    private HeatmapViewModel _heatmap = HeatmapViewModel.Build(MarketSnapshot.Empty, RateBasis.Apr);
    private RateBasis _basis = RateBasis.Apr;
    private IReadOnlySet<string> _venues = new HashSet<string>();
    private long _nowMs;

    [Inject] public required MarketHub Hub { get; init; }
    [Inject] public required TimeProvider Time { get; init; }

    [SupplyParameterFromQuery(Name = FundingUrls.BasisParameter)] public string? Basis { get; set; }
    [SupplyParameterFromQuery(Name = FundingUrls.VenuesParameter)] public string? Venues { get; set; }

    private string AsOf => _snapshot.AsOfMs == 0 ? "waiting for the first poll" :
        DateTimeOffset.FromUnixTimeMilliseconds(_snapshot.AsOfMs).ToString("yyyy-MM-dd HH:mm:ss") + " UTC";

    protected override void OnInitialized() => _subscription = Hub.Subscribe(OnSnapshotAsync);

    protected override void OnParametersSet()
    {
        FundingBasis.TryParse(Basis, out _basis);
        _venues = FundingUrls.ParseVenues(Venues);
        Refresh();
    }

    private Task OnSnapshotAsync() => InvokeAsync(() =>
    {
        try
        {
            Refresh();
            StateHasChanged();
        }
        catch (Exception ex)
        {
            _ = DispatchExceptionAsync(ex);
        }
    });

    private void Refresh()
    {
        _snapshot = Hub.Current;
        _nowMs = Time.GetUtcNow().ToUnixTimeMilliseconds();
        _heatmap = HeatmapViewModel.Build(_snapshot, _basis, _venues);
    }

    public void Dispose() => _subscription?.Dispose();
}
