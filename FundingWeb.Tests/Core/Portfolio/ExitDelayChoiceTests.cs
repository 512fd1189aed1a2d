using FundingWeb.Core.Carry;
using FundingWeb.Core.Chains;
using FundingWeb.Core.Portfolio;
using Xunit;

namespace FundingWeb.Tests.Core.Portfolio;

/// <summary>Which exit delay a venue's accounts are stressed over: the user's own, else the measured estimate, else the configuration.</summary>
[Trait("Category", "Fast")]
public sealed class ExitDelayChoiceTests
{
    private static readonly TimeSpan Nominal = TimeSpan.FromHours(2);

    private static ExitDelayEstimate Estimate(double? headAgeSeconds, double? l1LagSeconds = null, bool congested = false, params double[] episodeMinutes) =>
        ExitDelayEstimate.Of(new ExitConditions("optimistic rollup", Nominal, headAgeSeconds is null ? null : "Arbitrum One", "ok", null,
            headAgeSeconds, l1LagSeconds, SequencerState.Up, congested, false, null), episodeMinutes.Select(TimeSpan.FromMinutes).ToList());

    public static TheoryData<string, ExitDelayEstimate?, double?, double, ExitDelaySource, string> Cases() => new()
    {
        // Calm: nominal 2 h + head age 6 s + L1 lag 1,794 s = 2.5 h.
        { "calm, measured", Estimate(6, 1_794), null, 2.5, ExitDelaySource.Estimate, "nominal (configured) + current lag (measured: head age + L1 lag)" },
        // Congested: p95 of 30 and 50 min = 49 min, longer than the 5 min lag: 2 h 49 min.
        { "congested, past episodes", Estimate(300, null, true, 30, 50), null, 2 + 49 / 60d, ExitDelaySource.Estimate, "congested: nominal (configured) + p95 length of 2 past congestion episodes (measured)" },
        { "no chain probe", Estimate(null), null, 2, ExitDelaySource.Configured, "configured withdrawal delay: no chain probe, no lag measured" },
        { "no estimate at all", null, null, 2, ExitDelaySource.Configured, "configured withdrawal delay: no chain probe, no lag measured" },
        { "own over an estimate", Estimate(300, null, true, 30, 50), 1, 1, ExitDelaySource.Yours, "your exit delay, instead of the estimate of 2.82 h" },
        { "own over the configuration", Estimate(null), 5, 5, ExitDelaySource.Yours, "your exit delay, instead of the configured 2 h" },
        { "own zero is a delay", Estimate(6, 1_794), 0, 0, ExitDelaySource.Yours, "your exit delay, instead of the estimate of 2.5 h" },
        { "own negative is ignored", Estimate(6, 1_794), -1, 2.5, ExitDelaySource.Estimate, "nominal (configured) + current lag (measured: head age + L1 lag)" },
        { "own past 30 days is ignored", Estimate(null), 24 * 31, 2, ExitDelaySource.Configured, "configured withdrawal delay: no chain probe, no lag measured" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Of_ChoosesAndSaysWhy(string scenario, ExitDelayEstimate? estimate, double? ownHours, double hours, ExitDelaySource source, string basis)
    {
        var choice = ExitDelayChoice.Of("gmx", Nominal, estimate, ownHours is { } h ? TimeSpan.FromHours(h) : null);

        Assert.True(Math.Abs(hours - choice.Delay.TotalHours) < 1e-9, $"{scenario}: {choice.Delay.TotalHours} h");
        Assert.Equal(source, choice.Source);
        Assert.Equal(basis, choice.Basis);
    }

    [Theory]
    [InlineData(-3, 0)]
    [InlineData(0, 0)]
    [InlineData(24 * 400, 24 * 30)]
    public void Of_ConfiguredOutOfRange_IsBounded(double configuredHours, double expectedHours)
    {
        var choice = ExitDelayChoice.Of("gmx", TimeSpan.FromHours(configuredHours), null, null);

        Assert.Equal(expectedHours, choice.Delay.TotalHours, 9);
    }
}
