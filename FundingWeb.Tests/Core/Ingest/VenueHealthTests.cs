using System.Collections.Immutable;
using FundingWeb.Core.Ingest;
using FundingWeb.Core.Live;
using FundingWeb.Core.Venues;
using FundingWeb.Tests.Fixtures;
using Xunit;

namespace FundingWeb.Tests.Core.Ingest;

[Trait("Category", "Fast")]
public class VenueHealthTests
{
    private static readonly VenueStatus Polled = VenueStatus.Unknown("dydx") with { LastSuccessMs = 1_000, StaleSinceMs = null, StaleReason = null };

    public static TheoryData<string, VenueStatus, int, string[], VenueState, string?> Cases => new()
    {
        { "no poll yet", VenueStatus.Unknown("dydx"), 0, [], VenueState.Stale, "no successful poll yet" },
        { "failing", Polled with { StaleSinceMs = 2_000, StaleReason = "HTTP 503" }, 3, [], VenueState.Stale, "HTTP 503" },
        { "every market unreadable", Polled, 0, ["BTC-USD", "ETH-USD"], VenueState.Degraded, "no readable markets: 2 of 2 failed: BTC-USD: bad; ETH-USD: bad" },
        { "one market failing twice", Polled, 0, ["BTC-USD", "BTC-USD"], VenueState.Degraded, "no readable markets: 1 of 1 failed: BTC-USD: bad; BTC-USD: bad" },
        { "lists nothing", Polled, 0, [], VenueState.Degraded, "lists no active markets" },
        { "some unreadable", Polled, 2, ["ETH-USD"], VenueState.Fresh, null },
        { "fine", Polled, 1, [], VenueState.Fresh, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Of_StatusMarketsAndErrors_OneRuleForEveryView(string scenario, VenueStatus status, int markets, string[] failed, VenueState state, string? reason)
    {
        var generator = new SnapshotGenerator(1);
        var quotes = Enumerable.Range(0, markets).Select(i => generator.Quote("dydx", i)).ToImmutableDictionary(q => q.Market.Symbol);
        var venue = VenueSnapshot.Empty(new VenueInfo("dydx", "dYdX v4", "appchain", TimeSpan.Zero, 0, false)) with
        {
            Status = status, Markets = quotes, MarketErrors = [.. failed.Select(s => new MarketError(s, "bad"))],
        };

        var health = VenueHealth.Of(venue);

        Assert.True(state == health.State, scenario);
        Assert.Equal(reason, health.Reason);
    }
}
