using FundingWeb.Core.Ingest;
using FundingWeb.Core.Venues;
using FundingWeb.Model;
using Xunit;

namespace FundingWeb.Tests.Components;

[Trait("Category", "Fast")]
public sealed class VenueHealthViewTests
{
    private const long NowMs = 1_764_590_400_000;

    public static TheoryData<long?, string?> Ages => new()
    {
        { null, null },
        { NowMs, "0 s" },
        { NowMs + 5_000, "0 s" },                 // after now: the clocks disagree, not a negative age
        { NowMs - 89_999, "89 s" },
        { NowMs - 90_000, "1 min" },
        { NowMs - 5_399_999, "89 min" },
        { NowMs - 5_400_000, "1 h" },
        { NowMs - 172_799_999, "47 h" },
        { NowMs - 172_800_000, "2 d" },
        { 0, "20423 d" },
        { long.MinValue, "106752011590 d" },         // now − long.MinValue overflows a long
        { long.MaxValue, "0 s" },
    };

    [Theory]
    [MemberData(nameof(Ages))]
    public void Age_EveryLong_PrintsAWholeNumberInTheLargestUnitOrNothingWhenUnknown(long? sinceMs, string? expected) =>
        Assert.Equal(expected, VenueHealthView.Age(NowMs, sinceMs));

    [Fact]
    public void Of_FreshStaleDegraded_StatusReasonAndMarketErrors()
    {
        var fresh = TestMarkets.Venue("dydx", "dYdX v4", NowMs - 3_000, ("BTC", 0.00001, 1e9));
        var withErrors = fresh with { MarketErrors = [new MarketError("XYZ-USD", "no price"), new MarketError("ABC-USD", "bad rate"), new MarketError("Q-USD", "gone")] };
        var stale = TestMarkets.Stale(fresh, NowMs - 120_000, "HTTP 503");
        var degraded = fresh with { Status = fresh.Status with { DegradedSinceMs = NowMs - 10_000, DegradedReason = "no readable markets" } };

        Assert.Equal(("fresh", "fresh · 3 s ago · 40 ms", (string?)null), Parts(VenueHealthView.Of(fresh, NowMs)));
        var errors = VenueHealthView.Of(withErrors, NowMs);
        Assert.Equal("3 market(s) unreadable: XYZ-USD: no price; ABC-USD: bad rate", errors.MarketErrors);
        Assert.Equal("XYZ-USD: no price\nABC-USD: bad rate\nQ-USD: gone", errors.MarketErrorsDetail);
        Assert.Equal(("stale", "stale for 2 min", "HTTP 503"), Parts(VenueHealthView.Of(stale, NowMs)));
        Assert.Equal(("degraded", "degraded · polled 3 s ago", "no readable markets"), Parts(VenueHealthView.Of(degraded, NowMs)));
        Assert.Equal(VenueState.Degraded, VenueHealthView.Of(degraded, NowMs).State);
        // Stale with no time known, and a latency that is not a number: words, never "NaN ms".
        var unknown = fresh with { Status = VenueStatus.Unknown("dydx") };
        Assert.Equal(("stale", "stale", "no successful poll yet"), Parts(VenueHealthView.Of(unknown, NowMs)));
        Assert.Equal("fresh · 3 s ago", VenueHealthView.Of(fresh with { Status = fresh.Status with { LatencyMs = double.NaN } }, NowMs).Status);
    }

    [Fact]
    public void Of_ClockMovesWithinTheUnitShown_EqualSoTheItemIsNotRenderedAgain()
    {
        var venue = TestMarkets.Venue("aevo", "Aevo", NowMs - 600_000, ("BTC", 0.00001, 1e9));

        Assert.Equal(VenueHealthView.Of(venue, NowMs), VenueHealthView.Of(venue, NowMs + 30_000));
        Assert.NotEqual(VenueHealthView.Of(venue, NowMs), VenueHealthView.Of(venue, NowMs + 60_000));
    }

    private static (string, string, string?) Parts(VenueHealthView view) => (view.Label, view.Status, view.Reason);
}
