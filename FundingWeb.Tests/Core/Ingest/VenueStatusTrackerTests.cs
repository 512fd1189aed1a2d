using Xunit;
using FundingWeb.Core.Ingest;

namespace FundingWeb.Tests.Core.Ingest;

[Trait("Category", "Fast")]
public class VenueStatusTrackerTests
{
    private readonly VenueStatusTracker _tracker = new("dydx", TimeSpan.FromSeconds(30));

    [Fact]
    public void Failure_ThenSuccess_StaleWithReasonThenFresh()
    {
        _tracker.Success(1_000, 12, null, []);
        var failed = _tracker.Failure(2_000, 8_000, "HTTP 503 Service Unavailable from /v4/perpetualMarkets");
        Assert.True(failed.IsStale);
        Assert.Equal(2_000, failed.StaleSinceMs);
        Assert.Equal("HTTP 503 Service Unavailable from /v4/perpetualMarkets", failed.StaleReason);

        var again = _tracker.Failure(3_000, 8_000, "timeout");
        Assert.Equal(2_000, again.StaleSinceMs);

        var recovered = _tracker.Success(4_000, 15, null, []);
        Assert.False(recovered.IsStale);
        Assert.Equal(4_000, recovered.LastSuccessMs);
        Assert.Equal(2 / 4d, recovered.ErrorRate);
        Assert.Equal(4, recovered.Polls);
        Assert.Equal(2, recovered.Failures);
    }

    [Fact]
    public void Success_DataLaggingPastThreshold_IsStaleAndKeepsLastFreshTime()
    {
        _tracker.Success(1_000, 5, 500, []);
        var lagging = _tracker.Success(60_000, 5, 45_000, []);

        Assert.True(lagging.IsStale);
        Assert.Equal("venue data lagging by 45 s", lagging.StaleReason);
        Assert.Equal(1_000, lagging.LastSuccessMs);
    }

    [Fact]
    public void Success_SomeMarketsUnreadable_FreshButErrorShown()
    {
        var status = _tracker.Success(1_000, 5, null, [new FundingWeb.Core.Venues.MarketError("ETH-USD", "required field 'oraclePrice' is missing")]);
        Assert.False(status.IsStale);
        Assert.Contains("ETH-USD: required field 'oraclePrice' is missing", status.LastError);
    }
}
