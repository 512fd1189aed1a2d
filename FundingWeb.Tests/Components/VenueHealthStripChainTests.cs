using Bunit;
using FundingWeb.Components.Controls;
using FundingWeb.Core.Chains;
using FundingWeb.Core.Live;
using FundingWeb.Model;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>The Overview strip over every chain state: a stalled chain (or a sequencer down) is said as such, with its reason.</summary>
[Trait("Category", "Fast")]
public sealed class VenueHealthStripChainTests : DashboardContext
{
    private const long NowMs = 1_764_590_400_000;

    private static readonly VenueSnapshot Gmx = TestMarkets.Venue("gmx", "GMX v2", NowMs - 4_000, ("BTC", 0.00001, 1e9));

    private static readonly ChainLimits Limits = new(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2),
        [new MaintenanceWindow { StartUtc = "11:00", Duration = TimeSpan.FromHours(2), Label = "release" }]);

    private static VenueSnapshot WithChain(VenueSnapshot venue, long? headAgeMs, SequencerState sequencer = SequencerState.Up, ChainLimits? limits = null) =>
        venue with
        {
            Chain = new ChainReading("Arbitrum One", NowMs, 100, headAgeMs is { } a ? NowMs - a : null, null, sequencer, NowMs - 60_000, headAgeMs is null ? "head: timeout" : null),
            ChainLimits = limits ?? ChainLimits.Default,
        };

    // The clock 12:00 UTC falls inside Limits' window; NowMs (2025-12-01 12:00 UTC) too.
    public static TheoryData<string, long?, SequencerState, bool, string, string, string?> Cases => new()
    {
        { "no probe", -1, SequencerState.Up, false, "fresh", "fresh · 4 s ago · 40 ms", null },
        { "fresh chain", 5_000, SequencerState.Up, false, "fresh", "fresh · 4 s ago · 40 ms", null },
        { "head unknown", null, SequencerState.Unknown, false, "fresh", "fresh · 4 s ago · 40 ms", null },
        { "lagging", 45_000, SequencerState.Up, false, "fresh", "fresh · 4 s ago · 40 ms · chain lagging", "chain lagging: newest block 45 s old (lagging after 30 s)" },
        { "stalled", 300_000, SequencerState.Up, false, "chain stalled", "chain stalled · polled 4 s ago", "chain stalled: newest block 300 s old (stalled after 120 s)" },
        { "sequencer down", 5_000, SequencerState.Down, false, "chain stalled", "chain stalled · polled 4 s ago", "sequencer down since 11:59:00 UTC (uptime feed)" },
        { "stalled in maintenance", 300_000, SequencerState.Up, true, "fresh", "fresh · 4 s ago · 40 ms · chain: planned maintenance", "planned maintenance (release): head 300 s old" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Of_ChainState_LabelStatusAndReason(string scenario, long? headAgeMs, SequencerState sequencer, bool window, string label, string status, string? reason)
    {
        var venue = headAgeMs == -1 ? Gmx : WithChain(Gmx, headAgeMs, sequencer, window ? Limits : null);

        var view = VenueHealthView.Of(venue, NowMs);

        Assert.True(label == view.Label, scenario);
        Assert.Equal(status, view.Status);
        Assert.Equal(reason, view.Reason);
    }

    [Fact]
    public void Of_StaleVenueOnStalledChain_BothReasons()
    {
        var venue = WithChain(TestMarkets.Stale(Gmx, NowMs - 120_000, "HTTP 503 from /markets"), 300_000);

        var view = VenueHealthView.Of(venue, NowMs);

        Assert.Equal("stale", view.Label);
        Assert.Equal("HTTP 503 from /markets; chain stalled: newest block 300 s old (stalled after 120 s)", view.Reason);
    }

    [Fact]
    public void Render_StalledChain_ItemSaysChainStalledWithReason()
    {
        var snapshot = TestMarkets.Snapshot(NowMs, WithChain(Gmx, 300_000));

        var cut = Render<VenueHealthStrip>(p => p.Add(c => c.Items, VenueHealthView.All(snapshot, NowMs)));

        var item = cut.Find("li[data-venue=gmx]");
        Assert.Equal("chain stalled", item.GetAttribute("data-state"));
        Assert.Contains("fw-health-chain", item.ClassName);
        Assert.Contains("chain stalled · polled 4 s ago", item.TextContent);
        Assert.Equal("chain stalled: newest block 300 s old (stalled after 120 s)", item.QuerySelector("[data-testid=chain-reason]")!.TextContent);
    }
}
