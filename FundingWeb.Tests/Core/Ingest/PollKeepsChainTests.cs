using FundingWeb.Core.Chains;
using FundingWeb.Core.Ingest;
using FundingWeb.Tests.Components;
using Xunit;

namespace FundingWeb.Tests.Core.Ingest;

/// <summary>
/// A venue's poll is built from the venue as it was when the poll began and published after the write; the chain probe
/// publishes the venue's chain reading on its own clock in between. The published poll carries the hub's reading of that
/// moment, never the one it began with (a healthz that showed a chain and then none was this).
/// </summary>
[Trait("Category", "Fast")]
public class PollKeepsChainTests
{
    private const long NowMs = 1_764_590_400_000;
    private static readonly ChainReading Older = new("Arbitrum One", NowMs - 5000, 100, NowMs - 5000, NowMs - 60_000, SequencerState.Up, null, null);
    private static readonly ChainReading Newer = new("Arbitrum One", NowMs, 140, NowMs - 200, NowMs - 50_000, SequencerState.Up, null, null);
    private static readonly ChainLimits Limits = ChainLimits.Default;

    [Theory]
    [InlineData("poll began before the first probe", null, "newer", "newer")]
    [InlineData("probe read again during the poll", "older", "newer", "newer")]
    [InlineData("no probe for this venue", null, null, null)]
    [InlineData("nothing read meanwhile", "newer", "newer", "newer")]
    public void Published_CarriesTheHubsChainReadingAtPublishTime(string scenario, string? pollBegan, string? hubNow, string? published)
    {
        ChainReading? Of(string? name) => name switch { "older" => Older, "newer" => Newer, _ => null };
        var venue = TestMarkets.Venue("gmx", "GMX v2", NowMs, ("BTC", 0.00001, 1e9));
        var polled = venue with { Chain = Of(pollBegan), ChainLimits = pollBegan is null ? null : Limits };
        var current = TestMarkets.Snapshot(NowMs, venue with { Chain = Of(hubNow), ChainLimits = hubNow is null ? null : Limits });

        var sent = VenueIngestor.KeepingChain(current, polled);

        Assert.True(Equals(Of(published), sent.Chain), scenario);
        Assert.Equal(published is null ? null : Limits, sent.ChainLimits);
        // The poll's own part is the poll's.
        Assert.Same(polled.Markets, sent.Markets);
        Assert.Equal(polled.Status, sent.Status);
    }

    [Fact]
    public void VenueTheHubDoesNotHoldYet_PublishedAsPolled()
    {
        var polled = TestMarkets.Venue("lighter", "Lighter", NowMs, ("ETH", 0.00001, 1e9)) with { Chain = Older };
        var current = TestMarkets.Snapshot(NowMs, TestMarkets.Venue("gmx", "GMX v2", NowMs, ("BTC", 0.00001, 1e9)));

        Assert.Same(polled, VenueIngestor.KeepingChain(current, polled));
    }
}
