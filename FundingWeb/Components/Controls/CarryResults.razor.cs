using FundingWeb.Core.Carry;
using FundingWeb.Core.Live;
using FundingWeb.Model;
using Microsoft.AspNetCore.Components;

namespace FundingWeb.Components.Controls;

/// <summary>
/// Owns the carry page's live part: the loaded history stays, the price and today's quote come from the hub, and the
/// estimate is recomputed from them at most every <see cref="RecomputeEvery"/>. The page around it does not re-render.
/// </summary>
public sealed partial class CarryResults : IDisposable
{
    public static readonly TimeSpan RecomputeEvery = TimeSpan.FromSeconds(10);

    private CarryView? _view;
    private CarryLoad? _builtFor;
    private IDisposable? _subscription;

    [Inject] public required MarketHub Hub { get; init; }
    [Inject] public required TimeProvider Time { get; init; }

    [Parameter, EditorRequired] public CarryLoad Load { get; set; } = default!;
    [Parameter] public CarryOptions Options { get; set; } = new();

    protected override void OnInitialized() =>
        _subscription = Hub.Subscribe(() => InvokeAsync(OnTick), RecomputeEvery);

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_builtFor, Load)) return;
        _builtFor = Load;
        _view = Build();
    }

    private CarryView Build() => CarryView.Build(Load, Hub.Current, Options, Time.GetUtcNow().ToUnixTimeMilliseconds());

    private void OnTick()
    {
        var view = Build();
        if (view == _view) return;
        _view = view;
        StateHasChanged();
    }

    public void Dispose() => _subscription?.Dispose();
}
