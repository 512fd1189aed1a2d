using System.Text.Json;
using FundingWeb.Core.Carry;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Ingest;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.Live;
using FundingWeb.Core.Storage;
using FundingWeb.Model;
using FundingWeb.Model.Charts;
using FundingWeb.Tests.Fixtures;
using Xunit;

namespace FundingWeb.Tests.Totality;

/// <summary>
/// Every page model over random snapshots and views (<see cref="SnapshotGenerator"/>): none throws, nothing displayed is
/// NaN or ∞, every chart can be sent to the browser, and the definitions' invariants hold. Each case names its seed.
/// </summary>
[Trait("Category", "Fast")]
public class PageModelPropertyTests
{
    private const int Seeds = 35;
    private const long NowMs = SnapshotGenerator.NowMs;

    public static TheoryData<int> Batches => [.. Enumerable.Range(0, 6)];

    [Theory]
    [MemberData(nameof(Batches))]
    public void EveryPageModel_RandomSnapshotsAndViews_TotalFiniteAndKeepsInvariants(int batch)
    {
        for (var seed = batch * Seeds; seed < (batch + 1) * Seeds; seed++)
        {
            var generator = new SnapshotGenerator(seed);
            var snapshot = generator.Snapshot();
            for (var view = 0; view < 3; view++)
            {
                var state = generator.State(snapshot);
                try
                {
                    Check(generator, snapshot, state);
                }
                catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
                {
                    throw new Xunit.Sdk.XunitException($"seed {seed}, view {view} ({state}): {ex}");
                }
            }
        }
    }

    private static void Check(SnapshotGenerator generator, MarketSnapshot snapshot, ViewState state)
    {
        var context = $"{state}";
        var asset = state.Asset ?? snapshot.Assets.FirstOrDefault() ?? "BTC";
        var (fromMs, toMs) = Range(state);

        var heatmap = HeatmapViewModel.Build(snapshot, state.Basis, state.Venues);
        Finite(heatmap, context, "Rate1h");
        Assert.All(heatmap.Rows, r => Assert.Equal(heatmap.Venues.Count, r.Cells.Count));
        Assert.All(heatmap.Rows.SelectMany(r => r.Cells).OfType<HeatmapCell>(), c =>
        {
            Assert.InRange(c.Intensity, 0, 1);
            Assert.InRange(c.Sign, -1, 1);
            Finite(HeatmapViewModel.Background(c), context);
        });

        var (settled, quoted) = generator.Funding(snapshot);
        var quotedByAsset = snapshot.Assets.ToDictionary(a => a, _ => quoted, StringComparer.OrdinalIgnoreCase);
        var spreads = SpreadsPageModel.Build(snapshot, state, SpreadsPageModel.HoldingPeriod(state.Window).Hours, quotedByAsset, NowMs);
        Finite(spreads, context);
        Assert.All(spreads, r =>
        {
            Assert.True(r.Spread.SpreadApr >= 0, $"{context}: spread {r.Spread.SpreadApr} is negative");
            Assert.True(r.Spread.BreakEvenHours is null or >= 0);
        });

        var concentration = AssetConcentration.Top(snapshot, state);
        Finite(concentration, context);
        Assert.All(concentration, c =>
        {
            Assert.True(c.TotalUsd > 0);
            Assert.InRange(c.Hhi!.Value, 0, 1 + 1e-9);
            Assert.InRange(c.TopShare, 0, 1 + 1e-9);
        });

        var oiHistory = generator.OpenInterest(snapshot);
        var oi = OpenInterestPageModel.Build(asset, state, oiHistory, snapshot, fromMs, toMs);
        Finite(oi, context);
        Charts(oi.StackSpec, oi.Stack);
        Charts(oi.HhiSpec, oi.Hhi);
        Assert.All(oi.Hhi.SelectMany(s => s.Data).Cast<double[]>(), p => Assert.InRange(p[1], 0, 1 + 1e-9));
        Shares(oi.Breakdown, context);
        Shares(OpenInterestPageModel.LiveBreakdown(asset, state, oiHistory, snapshot, NowMs), context);

        var names = snapshot.Venues.Values.ToDictionary(v => v.Venue.Id, v => v.Venue.Name);
        var funding = FundingPageModel.Build(asset, state, settled, quoted, names, fromMs, toMs);
        Finite(funding, context);
        Charts(funding.HistorySpec, funding.History);
        Charts(funding.TermSpec, funding.Term);
        Charts(funding.SlippageSpec, funding.Slippage);
        Assert.All(funding.SlippageTable, r => Assert.True(r.P5 is null || (r.P5 <= r.P50 && r.P50 <= r.P95), $"{context}: percentiles out of order"));

        var ladder = LiquidationsPageModel.Build(asset, state.Venue, snapshot, oiHistory, generator.Realised(snapshot));
        if (ladder is not null)
        {
            Finite(ladder, context);
            Charts(ladder.Spec, ladder.Series);
            Assert.True(ladder.Price > 0 && ladder.LongUsd >= 0 && ladder.ShortUsd >= 0 && ladder.RealisedUsd >= 0);
            foreach (var side in ladder.Series.Where(s => s.Name.Contains("cumulative", StringComparison.Ordinal)))
            {
                var ys = side.Data.Cast<double[]>().Select(p => p[1]).ToList();
                Assert.True(ys.Zip(ys.Skip(1)).All(p => p.Second >= p.First), $"{context}: {side.Name} is not cumulative from the price outward");
                Assert.All(ys, y => Assert.True(y >= 0));
            }
        }

        foreach (var venue in snapshot.Venues.Values)
        {
            var health = VenueHealth.Of(venue);
            Assert.Equal(health.IsFresh, health.Reason is null);
            Finite(health, context);
        }
    }

    [Fact]
    public void CarryEstimate_RandomMarketsAndHistory_TotalAndFiniteWhereItPrints()
    {
        for (var seed = 0; seed < 250; seed++)
        {
            var generator = new SnapshotGenerator(seed);
            var snapshot = generator.Snapshot();
            var (settled, quoted) = generator.Funding(snapshot);
            foreach (var venue in snapshot.Venues.Values)
            {
                foreach (var market in venue.Markets.Values.Where(m => m.Price is > 0 and < double.PositiveInfinity))
                {
                    var rows = settled.Where(p => p.Venue == venue.Venue.Id && p.Symbol == market.Market.Symbol).Select(p => p.ToRate(FundingKind.Settled))
                        .Concat(quoted.Where(p => p.Venue == venue.Venue.Id && p.Symbol == market.Market.Symbol).Select(p => p.ToRate(FundingKind.Quoted)))
                        .ToList();
                    var levels = venue.Positions.Select(LadderEntry.From).ToList();
                    var position = new CarryPosition(venue.Venue.Id, market.Market.BaseAsset, generator.Pick(PositionSide.Long, PositionSide.Short),
                        generator.Pick(1d, 1e6, 1e12), generator.Pick(1d, 5d, 1000d), generator.Pick(0.5, 72, 8760));
                    var estimate = CarryCalculator.Estimate(position, new CarryMarket(venue.Venue, market.Price!.Value,
                        market.Market.MaintenanceMargin, market.Funding?.Rate1h, rows, levels, LadderKind.Measured, NowMs));
                    var percentiles = new[] { estimate.Realised.P5Apr, estimate.Realised.P50Apr, estimate.Realised.P95Apr };
                    Assert.All(percentiles, p => Assert.True(p is null || double.IsFinite(p.Value), $"seed {seed}: realised percentile {p}"));
                    Assert.True(estimate.Expected is null || double.IsFinite(estimate.Expected.AverageRate1h), $"seed {seed}: expected {estimate.Expected}");
                }
            }
        }
    }

    private static (long From, long To) Range(ViewState state)
    {
        var (from, to) = state.Range.Resolve(DateTimeOffset.FromUnixTimeMilliseconds(NowMs));
        return (from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds());
    }

    private static void Finite(object? model, string context, params string[] raw)
    {
        var problems = DisplayedValues.Problems(model, raw);
        Assert.True(problems.Count == 0, $"{context}: {string.Join("; ", problems.Take(5))}");
    }

    /// <summary>What the chart module receives must serialize (JSON has no NaN) and stay within the point budget.</summary>
    private static void Charts(ChartSpec spec, IReadOnlyList<ChartSeries> series)
    {
        JsonSerializer.Serialize(new { spec, series }, JsonSerializerOptions.Web);
        Assert.All(series, s => Assert.True(s.Data.Count <= ChartSeries.MaxPoints + 2, $"{s.Name}: {s.Data.Count} points"));
    }

    /// <summary>Shares sum to 1 when anything is held; with nothing held every share is 0 and there is no HHI.</summary>
    private static void Shares(FundingWeb.Core.OpenInterest.OpenInterestBreakdown breakdown, string context)
    {
        Finite(breakdown, context);
        var sum = breakdown.Shares.Sum(s => s.Share);
        if (breakdown.TotalUsd > 0)
        {
            Assert.True(Math.Abs(sum - 1) < 1e-9, $"{context}: shares sum to {sum}");
            Assert.InRange(breakdown.Hhi!.Value, 0, 1 + 1e-9);
        }
        else
        {
            Assert.All(breakdown.Shares, s => Assert.Equal(0, s.Share));
            Assert.Null(breakdown.Hhi);
        }
    }
}
