using FundingWeb.Core.Chains;

namespace FundingWeb.Core.Carry;

/// <summary>
/// How getting out of a venue looks now: its exit path (configuration) and the live state of its settlement chain
/// (measured by the chain probe). Matching engines run off-chain: none of this says whether the engine trades.
/// </summary>
/// <param name="RollupKind">Configured: how the venue settles.</param>
/// <param name="NominalDelay">Configured: the venue's typical withdrawal delay.</param>
/// <param name="Chain">Measured: the chain's name; null where no probe is configured (every live figure is then unknown).</param>
/// <param name="HeadAgeSeconds">Measured: now − the newest block's time.</param>
/// <param name="L1LagSeconds">Measured: how far settled state trails the head; null where not applicable or unread.</param>
/// <param name="Congested">Measured: the chain is lagging or stalled (a sequencer down counts).</param>
/// <param name="InMaintenance">Configured window, judged now: inside a planned maintenance window.</param>
/// <param name="MaintenanceWindows">Configured: the planned windows, as words.</param>
public sealed record ExitConditions(
    string RollupKind,
    TimeSpan NominalDelay,
    string? Chain,
    string ChainState,
    string? Reason,
    double? HeadAgeSeconds,
    double? L1LagSeconds,
    SequencerState Sequencer,
    bool Congested,
    bool InMaintenance,
    string? MaintenanceWindows)
{
    public static ExitConditions Of(Venues.VenueInfo venue, ChainHealth? chain, ChainLimits? limits, long nowMs)
    {
        ArgumentNullException.ThrowIfNull(venue);
        var windows = (limits ?? ChainLimits.Default).MaintenanceWindows;
        var inWindow = windows.Any(w => w.Contains(nowMs));
        var text = windows.Count == 0 ? null : string.Join(", ", windows.Select(w => $"{w.Label ?? "maintenance"} daily from {w.StartUtc} UTC for {w.Duration:hh\\:mm}"));
        return new ExitConditions(venue.RollupKind, venue.WithdrawalDelay, chain?.Reading.Chain, chain?.Label ?? "no probe", chain?.Reason,
            chain?.HeadAgeSeconds, chain?.Reading.L1LagSeconds, chain?.Reading.Sequencer ?? SequencerState.Unknown,
            chain?.State is Chains.ChainState.Lagging or Chains.ChainState.Stalled, inWindow, text);
    }
}
