using FundingWeb.Core.Alerts;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.Storage;
using FundingWeb.Model;
using FundingWeb.Tests.Components.Pages;
using FundingWeb.Tests.Fixtures;
using Microsoft.Extensions.Options;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>
/// One ladder: the Liquidations page and a ladder-proximity alert read the same <see cref="MarketLiquidationLevels"/>, so
/// the notional the page draws near the price is the notional the alert sees.
/// </summary>
[Trait("Category", "Fast")]
public sealed class LadderAgreementTests : IAsyncLifetime
{
    private readonly ChartPageWorld _world = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    public Task InitializeAsync() => _world.SeedAsync();

    public Task DisposeAsync()
    {
        _world.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("dydx", LiquidationSide.Long)]
    [InlineData("dydx", LiquidationSide.Short)]
    [InlineData("hyperliquid", LiquidationSide.Long)]
    [InlineData("gmx", LiquidationSide.Short)]
    public async Task PageLadderAndAlertReading_SameNotionalWithinTheLaddersRange(string venueId, LiquidationSide side)
    {
        var time = new ManualTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(_world.NowMs));
        var hub = new FundingWeb.Core.Live.MarketHub(Options.Create(new FundingWeb.Core.Live.LiveOptions()), time);
        var snapshot = _world.Snapshot();
        hub.Publish(_ => snapshot);
        var levels = new MarketLiquidationLevels(new HistoryQueries(_world.Database.Factory), hub, time);
        var venue = snapshot.Venues[venueId];
        await levels.GetAsync(venue, venue.ForAsset("BTC")!, default);

        var page = LiquidationsPageModel.Build("BTC", venueId, snapshot, levels, [])!;
        var rule = new LadderProximityRule
        {
            Id = "r", Name = "near", Asset = "BTC", Venue = venueId, Side = side,
            WithinFraction = LiquidationsPageModel.RangeFraction, MinNotionalUsd = 1,
        };
        var fired = Assert.Single(new AlertEvaluator([rule], time, levels: levels).Evaluate(snapshot, _world.NowMs));

        Assert.True(fired.Value > 0, fired.Reason);
        Assert.Equal(side == LiquidationSide.Long ? page.LongUsd : page.ShortUsd, fired.Value, 1e-6 * fired.Value);
    }
}
