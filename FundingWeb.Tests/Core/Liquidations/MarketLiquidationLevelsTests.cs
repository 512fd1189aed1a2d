using System.Collections.Immutable;
using Dapper;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.Live;
using FundingWeb.Core.Storage;
using FundingWeb.Core.Venues;
using FundingWeb.Tests.Fixtures;
using Microsoft.Extensions.Options;
using Xunit;

namespace FundingWeb.Tests.Core.Liquidations;

[Trait("Category", "Fast")]
public sealed class MarketLiquidationLevelsTests : IDisposable
{
    private const long Hour = 3_600_000;
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase _db = new();
    private readonly ManualTimeProvider _time = new(Now);

    public void Dispose() => _db.Dispose();

    private (MarketLiquidationLevels Levels, VenueSnapshot Venue, MarketQuote Quote) World(params PositionLiquidation[] positions)
    {
        var market = new Market("dydx", "BTC-USD", "BTC", 1, 20, 0.03);
        var quote = new MarketQuote(market, [new FundingQuote(FundingLeg.Net, 0.00001, 0.00001, 1, RateUnit.Fraction, 0, 0, null)], 100_000, 100_000, 150, 15_000_000, null, null, 0);
        var venue = VenueSnapshot.Empty(new VenueInfo("dydx", "dYdX v4", "appchain", TimeSpan.FromMinutes(20), 0.0005, true)) with
        {
            Markets = ImmutableDictionary<string, MarketQuote>.Empty.Add(market.Symbol, quote),
            Positions = [.. positions],
        };
        var hub = new MarketHub(Options.Create(new LiveOptions()), _time);
        hub.Publish(s => s.WithVenue(venue, Now.ToUnixTimeMilliseconds()));
        return (new MarketLiquidationLevels(new HistoryQueries(_db.Factory), hub, _time), venue, quote);
    }

    /// <summary>OI that doubles over the last 6 hours at a flat 100,000: the model places 100 BTC of new lots.</summary>
    private void OpenInterestBuilds()
    {
        using var c = _db.Factory.Open();
        c.Execute("INSERT INTO market (venue, symbol, base_asset, funding_interval_hours, max_leverage, maintenance_margin, status, first_seen_ms, last_seen_ms) VALUES ('dydx', 'BTC-USD', 'BTC', 1, 20, 0.03, 'active', 0, 0)");
        for (var h = 6; h >= 0; h--)
        {
            var oiBase = 100 + (6 - h) * 100 / 6d;
            c.Execute("INSERT INTO open_interest VALUES ('dydx', 'BTC-USD', @ts, @oiBase, @usd, NULL, NULL)",
                new { ts = Now.ToUnixTimeMilliseconds() - h * Hour, oiBase, usd = oiBase * 100_000 });
        }
    }

    [Fact]
    public async Task NoPublicPositions_LevelsAreModelledFromOpenInterestHistory_AtTheMarketsLeverageCap()
    {
        OpenInterestBuilds();
        var (levels, venue, quote) = World();

        var (entries, kind) = await levels.GetAsync(venue, quote, default);

        Assert.Equal(LadderKind.Modelled, kind);
        // 100 BTC added at 100,000 = $10 M of notional, split long/short over the buckets up to the 20× cap.
        Assert.Equal(10_000_000, entries.Sum(e => e.NotionalUsd), 1e-3);
        Assert.Contains(entries, e => e.Side == LiquidationSide.Long && e.LiquidationPrice < 100_000);
        Assert.Contains(entries, e => e.Side == LiquidationSide.Short && e.LiquidationPrice > 100_000);
        // 20× is the cap: a long's closest level is entry × (1 − 1/20 + 0.03) = 98,000; nothing at 25× or above.
        Assert.Equal(98_000, entries.Where(e => e.Side == LiquidationSide.Long).Max(e => e.LiquidationPrice), 1e-6);
    }

    [Fact]
    public async Task For_AnswersFromTheCacheAndBuildsInTheBackground()
    {
        OpenInterestBuilds();
        var (levels, venue, quote) = World();

        Assert.Empty(levels.For(venue, quote)); // nothing built yet: the evaluator is never held up by a query
        await Eventually.TrueAsync(() => levels.For(venue, quote).Any(), TimeSpan.FromSeconds(10), "the background build");
        Assert.Equal(10_000_000, levels.For(venue, quote).Sum(e => e.NotionalUsd), 1e-3);
    }

    [Fact]
    public async Task PublicPositions_AreMeasuredAndWin()
    {
        OpenInterestBuilds();
        var position = new PositionLiquidation("BTC-USD", LiquidationSide.Long, 91_000, 2_000_000);
        var (levels, venue, quote) = World(position);

        var (entries, kind) = await levels.GetAsync(venue, quote, default);

        Assert.Equal(LadderKind.Measured, kind);
        Assert.Equal([new LadderEntry(LiquidationSide.Long, 91_000, 2_000_000)], entries);
        Assert.Equal(entries, levels.For(venue, quote));
    }
}
