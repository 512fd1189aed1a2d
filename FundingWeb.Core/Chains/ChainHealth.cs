using System.Globalization;

namespace FundingWeb.Core.Chains;

/// <summary>
/// A reading judged at a moment: fresh / lagging / stalled by head age against the venue's thresholds (a sequencer
/// reported down is stalled too), maintenance inside a planned window, unknown without a head. One rule for every view.
/// </summary>
public sealed record ChainHealth(ChainReading Reading, ChainState State, double? HeadAgeSeconds, string? Reason)
{
    public static ChainHealth Of(ChainReading reading, ChainLimits options, long nowMs)
    {
        var age = reading.HeadAgeSeconds(nowMs);
        var planned = options.MaintenanceWindows.FirstOrDefault(w => w.Contains(nowMs));
        if (reading.Sequencer == SequencerState.Down)
        {
            var since = reading.SequencerSinceMs is { } s ? $" since {DateTimeOffset.FromUnixTimeMilliseconds(s):HH:mm:ss} UTC" : "";
            return new ChainHealth(reading, ChainState.Stalled, age, $"sequencer down{since} (uptime feed)");
        }
        if (age is not { } seconds)
        {
            return new ChainHealth(reading, ChainState.Unknown, null, reading.Problem ?? "head not read yet");
        }
        var state = seconds >= options.StallAfter.TotalSeconds ? ChainState.Stalled
            : seconds >= options.LagAfter.TotalSeconds ? ChainState.Lagging
            : ChainState.Fresh;
        if (state != ChainState.Fresh && planned is not null)
        {
            return new ChainHealth(reading, ChainState.Maintenance, age,
                string.Create(CultureInfo.InvariantCulture, $"planned maintenance ({planned.Label ?? $"daily from {planned.StartUtc} UTC"}): head {seconds:0} s old"));
        }
        var reason = state switch
        {
            ChainState.Stalled => string.Create(CultureInfo.InvariantCulture, $"chain stalled: newest block {seconds:0} s old (stalled after {options.StallAfter.TotalSeconds:0} s)"),
            ChainState.Lagging => string.Create(CultureInfo.InvariantCulture, $"chain lagging: newest block {seconds:0} s old (lagging after {options.LagAfter.TotalSeconds:0} s)"),
            _ => reading.Problem,
        };
        return new ChainHealth(reading, state, age, reason);
    }

    public string Label => State switch
    {
        ChainState.Fresh => "fresh",
        ChainState.Lagging => "lagging",
        ChainState.Stalled => "stalled",
        ChainState.Maintenance => "maintenance",
        _ => "unknown",
    };
}
