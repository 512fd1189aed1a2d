using FundingWeb.Core.Depth;
using FundingWeb.Core.Portfolio;
using FundingWeb.Model;
using Microsoft.AspNetCore.Components;

namespace FundingWeb.Components.Pages;

/// <summary>
/// Cross-margin stress of a book. The book lives in the URL (<see cref="PortfolioQuery"/>); history, betas and ladder
/// clusters are read when it changes (navigation), and the stress is computed from the snapshot of that moment.
/// </summary>
public sealed partial class Portfolio : ComponentBase
{
    private PortfolioQuery _query = PortfolioQuery.Empty;
    private PortfolioInput _input = new();
    private IReadOnlyList<FieldError> _errors = [];
    private PortfolioView? _view;
    private string? _loadedFor;

    [Inject] public required Core.Live.MarketHub Hub { get; init; }
    [Inject] public required PortfolioMarketReader Reader { get; init; }
    [Inject] public required SlippageService Slippage { get; init; }
    [Inject] public required TimeProvider Time { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }

    [SupplyParameterFromQuery(Name = PortfolioQuery.PositionParameter)] public string[]? PositionQuery { get; set; }
    [SupplyParameterFromQuery(Name = PortfolioQuery.CollateralParameter)] public string[]? CollateralQuery { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (Navigation.Uri == _loadedFor) return;
        _loadedFor = Navigation.Uri;
        _input = PortfolioInput.FromUrl(PositionQuery, CollateralQuery);
        (_query, _errors) = _input.ToQuery(Caps.Of(Hub.Current));
        if (_input.Positions.Count == 0) _input.Positions.Add(new PortfolioPositionRow { Venue = Hub.Current.Venues.Keys.FirstOrDefault() ?? "" });
        _view = null;
        if (_errors.Count > 0 || _query.Positions.Count == 0) return;
        var markets = await Reader.ReadAsync(_query.Positions, Hub.Current, Time.GetUtcNow().ToUnixTimeMilliseconds(), null, default);
        _view = PortfolioView.Build(_query, markets, Slippage.AsPriceImpact());
    }

    private void Calculate(PortfolioQuery query) => Navigation.NavigateTo(query.ToUrl());
}
