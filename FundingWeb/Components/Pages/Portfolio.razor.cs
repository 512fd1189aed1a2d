using FundingWeb.Components.Controls;
using FundingWeb.Core.Depth;
using FundingWeb.Core.Portfolio;
using FundingWeb.Model;
using Microsoft.AspNetCore.Components;

namespace FundingWeb.Components.Pages;

/// <summary>
/// Cross-margin stress of a book, live. The book lives in the URL (<see cref="PortfolioQuery"/>; on a shared link, in the
/// link's saved extras only). Its slow inputs (betas, funding tails, ladder clusters, congestion episodes) are read on
/// navigation and again every <see cref="PortfolioHistory.RefreshEvery"/>, off the tick; a tick (at most every
/// <see cref="RecomputeEvery"/>) recomputes the shock table from them and the snapshot's prices, quotes and chain state,
/// and hands the results a new view only when a figure moved. The page itself renders on navigation and pause.
/// </summary>
public sealed partial class Portfolio
{
    /// <summary>A stress is 13 shocks, each twice (with and without the cascade) with a root search per account: not per poll.</summary>
    public static readonly TimeSpan RecomputeEvery = TimeSpan.FromSeconds(5);

    private PortfolioQuery _query = PortfolioQuery.Empty;
    private PortfolioInput _input = new();
    private IReadOnlyList<FieldError> _errors = [];
    private PortfolioView? _view;
    private PortfolioResults? _results;
    private PortfolioHistory? _history;
    private IReadOnlyList<KeyValuePair<string, string?>> _extras = [];
    private bool _refreshing;
    private readonly CancellationTokenSource _reads = new();

    [Inject] public required PortfolioMarketReader Reader { get; init; }
    [Inject] public required SlippageService Slippage { get; init; }
    [Inject] public required ILogger<Portfolio> Logger { get; init; }

    [SupplyParameterFromQuery(Name = PortfolioQuery.PositionParameter)] public string[]? PositionQuery { get; set; }
    [SupplyParameterFromQuery(Name = PortfolioQuery.CollateralParameter)] public string[]? CollateralQuery { get; set; }
    [SupplyParameterFromQuery(Name = PortfolioQuery.DelayParameter)] public string? DelayQuery { get; set; }

    protected override TimeSpan TickInterval => RecomputeEvery;

    private static double RefreshMinutes => PortfolioHistory.RefreshEvery.TotalMinutes;

    protected override async Task LoadAsync()
    {
        // Shared: the book saved with the link, never the URL's (a tampered query string cannot widen or change it).
        var (positions, collateral, delay) = Shared is { } shared
            ? PageShareExtras.Portfolio(shared.PageExtras)
            : ((IReadOnlyList<string>)(PositionQuery ?? []), (IReadOnlyList<string>)(CollateralQuery ?? []), DelayQuery);
        _extras = PageShareExtras.ForPortfolio(positions, collateral, delay);
        _input = PortfolioInput.FromUrl(positions, collateral, delay);
        (_query, _errors) = _input.ToQuery(Caps.Of(Snapshot));
        if (_input.Positions.Count == 0) _input.Positions.Add(new PortfolioPositionRow { Venue = Snapshot.Venues.Keys.FirstOrDefault() ?? "" });
        _view = null;
        _history = null;
        if (_errors.Count > 0 || _query.Positions.Count == 0) return;
        var query = _query;
        var history = await Reader.ReadHistoryAsync(query.Positions, Snapshot, Now.ToUnixTimeMilliseconds(), _reads.Token);
        if (!ReferenceEquals(query, _query)) return;
        _history = history;
        _view = Build(history);
    }

    protected override Task OnTickAsync()
    {
        if (_history is not { } history) return Task.CompletedTask;
        if (history.IsDue(Now.ToUnixTimeMilliseconds()) || Lacks(history)) _ = RefreshHistoryAsync(_query);
        // The field, not the local: a read that completed synchronously above has already replaced it.
        if (_history is { } latest) Show(Build(latest));
        return Task.CompletedTask;
    }

    /// <summary>A market the snapshot can price now that was not priced when the history was read (the page opened before the first poll).</summary>
    private bool Lacks(PortfolioHistory history) => _query.Positions.Any(p => !history.Markets.ContainsKey((p.Venue, p.Asset))
        && Snapshot.Venues.GetValueOrDefault(p.Venue)?.ForAsset(p.Asset)?.Price is > 0 and var price && double.IsFinite(price));

    private PortfolioView Build(PortfolioHistory history) =>
        PortfolioView.Build(_query, PortfolioMarketReader.At(_query.Positions, history, Snapshot, Now.ToUnixTimeMilliseconds(), _query.ExitDelay), Slippage.AsPriceImpact());

    /// <summary>Only a view that differs reaches the results (which send only what changed); the page does not render.</summary>
    private void Show(PortfolioView view)
    {
        if (view == _view) return;
        _view = view;
        _results?.Show(view);
    }

    /// <summary>
    /// Off the tick: the slow inputs read again for the same book. A read that fails keeps the last ones (logged); one that
    /// ends after the book changed is dropped.
    /// </summary>
    private async Task RefreshHistoryAsync(PortfolioQuery query)
    {
        if (_refreshing) return;
        _refreshing = true;
        try
        {
            var history = await Reader.ReadHistoryAsync(query.Positions, Snapshot, Now.ToUnixTimeMilliseconds(), _reads.Token);
            await InvokeAsync(() =>
            {
                if (!ReferenceEquals(query, _query) || _history is null) return;
                _history = history;
                if (!Paused) Show(Build(history));
            });
        }
        catch (OperationCanceledException) when (_reads.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            Logger.LogWarning(ex, "Portfolio history could not be read again; the stress keeps the last read");
        }
        finally
        {
            _refreshing = false;
        }
    }

    /// <summary>Resuming shows the live stress at once, not at the next tick.</summary>
    private void PauseOrResume()
    {
        TogglePause();
        if (!Paused && _history is { } history) Show(Build(history));
    }

    private void Calculate(PortfolioQuery query) => Go(query.ToUrl());

    public override void Dispose()
    {
        _reads.Cancel();
        _reads.Dispose();
        base.Dispose();
    }
}
