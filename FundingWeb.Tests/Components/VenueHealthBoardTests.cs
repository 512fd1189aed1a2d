using Bunit;
using FundingWeb.Components.Controls;
using FundingWeb.Core.Chains;
using FundingWeb.Core.Live;
using FundingWeb.Model.Health;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>The Venues board: every live figure with its state and the limits it is judged by, over the chain states.</summary>
[Trait("Category", "Fast")]
public sealed class VenueHealthBoardTests : DashboardContext
{
    private const long NowMs = 1_764_590_400_000;

    private static readonly VenueBoardLimits Limits = new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(8));

    private static VenueSnapshot Gmx(double? latencyMs = 40, long? dataLagMs = 2_000, double errorRate = 0, ChainReading? chain = null) =>
        TestMarkets.Venue("gmx", "GMX v2", NowMs - 4_000, ("BTC", 0.00001, 1e9)) with
        {
            Status = TestMarkets.Venue("gmx", "GMX v2", NowMs - 4_000).Status with { LatencyMs = latencyMs, DataLagMs = dataLagMs, ErrorRate = errorRate },
            Chain = chain,
            ChainLimits = chain is null ? null : ChainLimits.Default,
        };

    private static ChainReading Chain(long headAgeMs, long? l1LagMs = 900_000, SequencerState sequencer = SequencerState.Up, string? problem = null) =>
        new("Arbitrum One", NowMs, 42, NowMs - headAgeMs, l1LagMs is { } l ? NowMs - headAgeMs - l : null, sequencer, NowMs - 3_600_000, problem);

    private static Dictionary<string, HealthFigure> Figures(VenueSnapshot venue) =>
        VenueBoardRow.From(venue, Limits, NowMs).Figures.ToDictionary(f => f.Key);

    public static TheoryData<string, string, string, string> Cases => new()
    {
        // figure, venue case, expected state, expected value
        { "poll-latency", "calm", "fresh", "40 ms" },
        { "poll-latency", "slow", "lagging", "2500 ms" },
        { "poll-latency", "timeout", "stalled", "8000 ms" },
        { "poll-latency", "never", "unknown", "–" },
        { "data-lag", "calm", "fresh", "2 s" },
        { "data-lag", "slow", "lagging", "15 s" },
        { "data-lag", "never", "n/a", "–" },
        { "head-age", "calm", "fresh", "3 s" },
        { "head-age", "slow", "lagging", "45 s" },
        { "head-age", "timeout", "stalled", "300 s" },
        { "head-age", "never", "n/a", "–" },
        { "head-age", "sequencer down", "fresh", "3 s" },
        { "l1-lag", "calm", "measured", "900 s" },
        { "l1-lag", "slow", "n/a", "–" },
        { "sequencer", "calm", "fresh", "up since 2025-12-01 11:00:00" },
        { "sequencer", "sequencer down", "stalled", "down since 2025-12-01 11:00:00" },
        { "sequencer", "feed unreadable", "unknown", "unknown" },
        { "sequencer", "never", "n/a", "–" },
        { "error-rate", "calm", "fresh", "0.0 %" },
        { "error-rate", "slow", "lagging", "12.0 %" },
        { "error-rate", "timeout", "stalled", "60.0 %" },
    };

    private static VenueSnapshot Case(string name) => name switch
    {
        "calm" => Gmx(chain: Chain(3_000)),
        "slow" => Gmx(2_500, 15_000, 0.12, Chain(45_000, null)),
        "timeout" => Gmx(8_000, 30_000, 0.6, Chain(300_000)),
        "never" => Gmx(null, null, 0, null),
        "sequencer down" => Gmx(chain: Chain(3_000, sequencer: SequencerState.Down)),
        "feed unreadable" => Gmx(chain: Chain(3_000, sequencer: SequencerState.Unknown, problem: "sequencer feed: timeout after 8 s")),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void From_VenueCase_FigureStateAndValue(string figure, string venue, string state, string value)
    {
        var f = Figures(Case(venue))[figure];

        Assert.True(state == f.State, $"{figure} of {venue}: {f.State}");
        Assert.Equal(value, f.Value);
    }

    [Fact]
    public void From_Limits_PrintedWithTheirSource()
    {
        var figures = Figures(Case("calm"));

        Assert.Equal("lagging ≥ 2000 ms · stalled ≥ 8000 ms (a quarter of / the whole poll attempt timeout)", figures["poll-latency"].Threshold);
        Assert.Equal("lagging ≥ 15 s · stalled ≥ 30 s (the venue goes stale at the stall limit)", figures["data-lag"].Threshold);
        Assert.Equal("lagging ≥ 30 s · stalled ≥ 120 s (chain config)", figures["head-age"].Threshold);
        Assert.Equal("lagging ≥ 10 % · stalled ≥ 50 % (of the last 50 polls)", figures["error-rate"].Threshold);
    }

    [Fact]
    public void Render_StalledChain_RowSaysItWithReasonAndStates()
    {
        var rows = new[] { VenueBoardRow.From(Case("timeout"), Limits, NowMs), VenueBoardRow.From(Case("calm"), Limits, NowMs) with { Id = "aevo", Name = "Aevo" } };

        var cut = Render<VenueHealthBoard>(p => p.Add(c => c.Rows, rows));

        var gmx = cut.Find("[data-testid=health-board] tr[data-venue=gmx]");
        Assert.Equal("stalled", gmx.GetAttribute("data-chain-state"));
        Assert.Equal("chain stalled: newest block 300 s old (stalled after 120 s)", gmx.QuerySelector("[data-testid=chain-reason]")!.TextContent);
        Assert.Equal("stalled", gmx.QuerySelector("[data-figure=head-age]")!.GetAttribute("data-state"));
        Assert.Contains("stalled ≥ 120 s", gmx.QuerySelector("[data-figure=head-age]")!.TextContent);
        Assert.Equal("fresh", cut.Find("tr[data-venue=aevo] [data-figure=head-age]").GetAttribute("data-state"));
    }

    [Fact]
    public void Render_NewRowsOneVenueChanged_OnlyThatRowRenders()
    {
        var calm = VenueBoardRow.From(Case("calm"), Limits, NowMs);
        var other = calm with { Id = "aevo", Name = "Aevo" };
        var cut = Render<VenueHealthBoard>(p => p.Add(c => c.Rows, new[] { calm, other }));
        var views = cut.FindComponents<VenueBoardRowView>().ToDictionary(v => v.Instance.Row.Id);

        cut.Render(p => p.Add(c => c.Rows, new[] { VenueBoardRow.From(Case("slow"), Limits, NowMs), other with { } }));

        Assert.Equal(2, views["gmx"].RenderCount);
        Assert.Equal(1, views["aevo"].RenderCount);
        Assert.Equal("lagging", cut.Find("tr[data-venue=gmx] [data-figure=head-age]").GetAttribute("data-state"));
    }
}
