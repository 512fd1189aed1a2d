using FundingWeb.Core.Chains;
using FundingWeb.Core.Live;

namespace FundingWeb.Model.Health;

/// <summary>
/// One venue's live figures on the Venues board, each with its state and the limits it is judged by. A record of the printed
/// text, so a tick re-renders only the venues whose words changed.
/// </summary>
/// <param name="Chain">The settlement chain's name, or why there is none.</param>
/// <param name="ChainState">The chain judged as a whole (<see cref="ChainHealth"/>): fresh, lagging, stalled, maintenance, unknown or n/a.</param>
public sealed record VenueBoardRow(string Id, string Name, string Chain, string ChainState, string? ChainReason, ValueList<HealthFigure> Figures)
{
    public static VenueBoardRow From(VenueSnapshot venue, VenueBoardLimits limits, long nowMs)
    {
        var status = venue.Status;
        var chain = venue.ChainHealthAt(nowMs);
        var chainLimits = venue.ChainLimits ?? ChainLimits.Default;
        var figures = new List<HealthFigure>
        {
            Judged("poll-latency", "Poll latency", status.LatencyMs, limits.PollLatency, "0"),
            status.DataLagMs is { } lag
                ? Judged("data-lag", "Data lag", lag / 1000d, limits.DataLag, "0.#")
                : new HealthFigure("data-lag", "Data lag", Display.None, HealthStates.NotApplicable, "the venue's answer carries no data time"),
            HeadAge(chain, chainLimits),
            L1Lag(chain),
            Sequencer(chain),
            Judged("error-rate", "Error rate", status.ErrorRate * 100, VenueBoardLimits.ErrorRate, "0.0"),
        };
        return new VenueBoardRow(venue.Venue.Id, venue.Venue.Name, chain?.Reading.Chain ?? "no chain probe configured",
            chain is null ? HealthStates.NotApplicable : chain.Label, chain?.Reason, [.. figures]);
    }

    private static HealthFigure Judged(string key, string label, double? value, HealthLimits limits, string format) =>
        new(key, label, value is { } v && double.IsFinite(v) ? Display.Number(v, format) + " " + limits.Unit : Display.None, limits.Judge(value), limits.Text);

    private static HealthFigure HeadAge(ChainHealth? chain, ChainLimits chainLimits)
    {
        const string key = "head-age", label = "Head age";
        if (chain is null) return new(key, label, Display.None, HealthStates.NotApplicable, "no chain probe configured");
        var limits = new HealthLimits(chainLimits.LagAfter.TotalSeconds, chainLimits.StallAfter.TotalSeconds, "s",
            chainLimits.MaintenanceWindows.Count == 0 ? "chain config" : $"chain config; planned: {string.Join(", ", chainLimits.MaintenanceWindows.Select(Window))}");
        // The figure is about the head alone: a sequencer down has its own figure, and does not make a young head old.
        var state = chain.Reading.Sequencer == SequencerState.Down ? limits.Judge(chain.HeadAgeSeconds) : chain.Label;
        return new(key, label, chain.HeadAgeSeconds is { } a ? Display.Number(a, "0") + " s" : Display.None, state, limits.Text);
    }

    private static HealthFigure L1Lag(ChainHealth? chain)
    {
        const string key = "l1-lag", label = "L1 lag";
        var limits = HealthLimits.None("s", "finality cadence differs per chain: shown, not judged");
        if (chain?.Reading.L1LagSeconds is not { } lag)
        {
            return new(key, label, Display.None, HealthStates.NotApplicable,
                chain is null ? "no chain probe configured" : "no settled (finalized, safe or L1-accepted) state read for this chain");
        }
        return new(key, label, Display.Number(lag, "0") + " s", limits.Judge(lag), limits.Text);
    }

    private static HealthFigure Sequencer(ChainHealth? chain)
    {
        const string key = "sequencer", label = "Sequencer";
        const string basis = "down = stalled (public uptime feed)";
        var reading = chain?.Reading;
        var since = reading?.SequencerSinceMs is { } s ? " since " + Display.Utc(s) : "";
        return reading?.Sequencer switch
        {
            SequencerState.Up => new(key, label, "up" + since, HealthStates.Fresh, basis),
            SequencerState.Down => new(key, label, "down" + since, HealthStates.Stalled, basis),
            _ when reading?.Problem?.Contains("sequencer", StringComparison.OrdinalIgnoreCase) == true =>
                new(key, label, "unknown", HealthStates.Unknown, "uptime feed unreadable: " + reading.Problem),
            _ => new(key, label, Display.None, HealthStates.NotApplicable, "no public uptime feed for this chain"),
        };
    }

    private static string Window(MaintenanceWindow w) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{w.Label ?? "maintenance"} daily {w.StartUtc} UTC for {w.Duration.TotalMinutes:0} min");
}
