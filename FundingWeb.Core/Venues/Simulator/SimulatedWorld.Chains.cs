using FundingWeb.Core.Chains;

namespace FundingWeb.Core.Venues.Simulator;

/// <summary>
/// The simulated venues' chains, derived from the world's clock so they need no state of their own: blocks every
/// <see cref="SimChainProfile.BlockSeconds"/>; a congestion episode (the funding spike with frozen venue data) also stops
/// the head and lets the settled state fall further behind; a chain with a sequencer feed has occasional outages of
/// 2–10 minutes (seeded per 6-hour slot), during which no block is made.
/// </summary>
public sealed partial class SimulatedWorld
{
    private const long SlotMs = 6 * 3_600_000;

    public ChainReading Chain(string venueId)
    {
        var profile = SimChainProfile.For(venueId);
        var now = SimNowMs;
        long congestedFrom = 0, congestedUntil = 0;
        lock (_lock)
        {
            if (_venues.TryGetValue(venueId, out var venue)) (congestedFrom, congestedUntil) = (venue.CongestedFromMs, venue.CongestedUntilMs);
        }
        var outage = Outage(venueId, profile, now);
        var blockMs = (long)(profile.BlockSeconds * 1000);
        long head = now - now % Math.Max(1, blockMs);
        if (now >= congestedFrom && now < congestedUntil) head = Math.Min(head, congestedFrom);
        if (outage is { } o) head = Math.Min(head, o.From);
        var sequencer = !profile.HasSequencerFeed ? SequencerState.Unknown : outage is null ? SequencerState.Up : SequencerState.Down;
        long? since = profile.HasSequencerFeed ? outage?.From ?? LastOutageEnd(venueId, profile, now) : null;
        long? settled = profile.SettledLagSeconds is { } lag
            ? head - (long)(lag * 1000) - (now < congestedUntil && now >= congestedFrom ? now - congestedFrom : 0)
            : null;
        var height = (long)((head - _simStartMs) / Math.Max(1d, blockMs)) + 1_000_000;
        return new ChainReading(profile.Name, now, height, head, settled, sequencer, since, null);
    }

    private (long From, long To)? Outage(string venueId, SimChainProfile profile, long nowMs)
    {
        if (profile.OutagesPerDay <= 0) return null;
        foreach (var slot in new[] { nowMs / SlotMs, nowMs / SlotMs - 1 })
        {
            if (OutageIn(venueId, profile, slot) is { } o && nowMs >= o.From && nowMs < o.To) return o;
        }
        return null;
    }

    private long? LastOutageEnd(string venueId, SimChainProfile profile, long nowMs)
    {
        for (var slot = nowMs / SlotMs; slot > nowMs / SlotMs - 8; slot--)
        {
            if (OutageIn(venueId, profile, slot) is { } o && o.To <= nowMs) return o.To;
        }
        return null;
    }

    private (long From, long To)? OutageIn(string venueId, SimChainProfile profile, long slot)
    {
        // Outages begin only once someone is watching: history stays clean, like congestion episodes.
        if (slot * SlotMs < _simStartMs - SlotMs) return null;
        var random = new SimRandom(SimRandom.Derive(_options.Seed, $"{venueId}/outage/{slot}"));
        if (!random.Chance(profile.OutagesPerDay / 4 * (_options.CongestionEveryHours > 0 ? 1 : 0))) return null;
        var from = slot * SlotMs + (long)(random.Uniform() * (SlotMs - 600_000));
        return (from, from + (long)((2 + 8 * random.Uniform()) * 60_000));
    }
}
