using System.Collections.Immutable;
using FundingWeb.Core.Chains;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.Live;
using FundingWeb.Core.Portfolio;
using FundingWeb.Core.Venues;
using Xunit;

namespace FundingWeb.Tests.Core.Portfolio;

/// <summary>
/// Worked numbers for the exit delay the stress pays funding over, per venue: the chain estimate (with past congestion
/// episodes) where measured, the configured delay where not, the user's own over both; each account says which.
/// </summary>
[Trait("Category", "Fast")]
public sealed class PortfolioExitDelayTests
{
    private const long NowMs = 1_764_590_400_000;

    // $1M BTC long at 0.01 % per hour; each venue configures a 2 h withdrawal delay.
    private static readonly IReadOnlyList<BookPosition> Book =
        [new("gmx", "BTC", LiquidationSide.Long, 1_000_000, 5), new("dydx", "BTC", LiquidationSide.Long, 1_000_000, 5)];

    private static VenueSnapshot Venue(string id, long? headAgeMs)
    {
        var market = new MarketQuote(new Market(id, "BTC", "BTC", 1, 50, 0.01),
            [new FundingQuote(FundingLeg.Net, 0.0001, 0.0001, 1, RateUnit.Fraction, NowMs, NowMs, "test")], 100, 100, 10, 1e9, null, null, NowMs);
        return VenueSnapshot.Empty(new VenueInfo(id, id, "optimistic rollup", TimeSpan.FromHours(2), 0.0005, true)) with
        {
            Markets = ImmutableDictionary<string, MarketQuote>.Empty.Add("BTC", market),
            Chain = headAgeMs is { } age ? new ChainReading("Arbitrum One", NowMs, 1, NowMs - age, null, SequencerState.Up, null, null) : null,
            ChainLimits = ChainLimits.Default,
        };
    }

    private static PortfolioMarkets At(long? gmxHeadAgeMs, TimeSpan? own = null)
    {
        var snapshot = new[] { Venue("gmx", gmxHeadAgeMs), Venue("dydx", null) }.Aggregate(MarketSnapshot.Empty, (s, v) => s.WithVenue(v, NowMs));
        var beta = new BetaReading("x", "BTC", 1, true, "BTC itself");
        var history = new PortfolioHistory(
            new Dictionary<(string, string), PortfolioMarketHistory>
            {
                [("gmx", "BTC")] = new(beta, null, null, []),
                [("dydx", "BTC")] = new(beta, null, null, []),
            },
            new Dictionary<string, IReadOnlyList<TimeSpan>> { ["gmx"] = [TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(50)] },
            NowMs);
        return PortfolioMarketReader.At(Book, history, snapshot, NowMs, own);
    }

    private static double Funding(PortfolioMarkets markets, string venue) =>
        PortfolioStress.At(0, new PortfolioStress.Inputs(Book, [], markets.Markets, [], null)).Accounts.Single(a => a.Venue == venue).FundingCostUsd;

    [Fact]
    public void At_StalledChain_PaysOverNominalPlusP95OfPastEpisodes_ConfiguredWhereNoProbe()
    {
        // GMX's head is 5 min old (stalled): 2 h + p95 of 30 and 50 min (49 min) = 2.8167 h; $1M × 0.01 % × 2.8167 h = $281.67.
        var markets = At(300_000);

        var gmx = markets.ExitDelays.Single(d => d.Venue == "gmx");
        Assert.Equal(ExitDelaySource.Estimate, gmx.Source);
        Assert.Equal(TimeSpan.FromMinutes(169), gmx.Delay);
        Assert.StartsWith("congested:", gmx.Basis, StringComparison.Ordinal);
        Assert.Equal(281.6667, Funding(markets, "gmx"), 3);
        // dYdX has no chain probe: its configured 2 h, $200.
        var dydx = markets.ExitDelays.Single(d => d.Venue == "dydx");
        Assert.Equal(ExitDelaySource.Configured, dydx.Source);
        Assert.Equal(200, Funding(markets, "dydx"), 9);
    }

    [Fact]
    public void At_CalmChain_PaysOverNominalPlusTheLagNow()
    {
        // Head 6 s old: 2 h + 6 s; $100 per hour × 2.001667 h = $200.17.
        var markets = At(6_000);

        Assert.Equal(ExitDelaySource.Estimate, markets.ExitDelays.Single(d => d.Venue == "gmx").Source);
        Assert.Equal(200.1667, Funding(markets, "gmx"), 3);
    }

    [Fact]
    public void At_OwnDelay_WinsForEveryVenueAndSaysSo()
    {
        var markets = At(300_000, TimeSpan.FromHours(1));

        Assert.All(markets.ExitDelays, d => Assert.Equal(ExitDelaySource.Yours, d.Source));
        Assert.Equal("your exit delay, instead of the estimate of 2.82 h", markets.ExitDelays.Single(d => d.Venue == "gmx").Basis);
        Assert.Equal("your exit delay, instead of the configured 2 h", markets.ExitDelays.Single(d => d.Venue == "dydx").Basis);
        Assert.Equal(100, Funding(markets, "gmx"), 9);
        Assert.Equal(100, Funding(markets, "dydx"), 9);
    }
}
