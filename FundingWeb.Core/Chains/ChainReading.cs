namespace FundingWeb.Core.Chains;

/// <summary>
/// One look at a venue's settlement chain, from public keyless sources. Matching engines run off-chain: this describes
/// the chain and the venue's API, never the engine.
/// </summary>
/// <param name="Chain">The chain's name ("Arbitrum One", "Paradex Chain (Starknet)").</param>
/// <param name="ReadAtMs">When the probe read it (UTC ms).</param>
/// <param name="HeadNumber">The latest block (or height) number.</param>
/// <param name="HeadTimeMs">The latest block's own timestamp: head age = now − this.</param>
/// <param name="SettledTimeMs">
/// The timestamp of the newest block in the chain's settled state (EVM <c>finalized</c>, or <c>safe</c> where finalized is
/// not served; Starknet <c>l1_accepted</c>): L1 lag = head time − this. Null where the chain has no such notion.
/// </param>
/// <param name="Sequencer">From a Chainlink L2 sequencer-uptime feed where one is configured.</param>
/// <param name="SequencerSinceMs">When the sequencer's status last changed (the feed's <c>startedAt</c>).</param>
/// <param name="Problem">Why part or all of the reading is missing (a timeout, garbage, an unsupported method); null when whole.</param>
public sealed record ChainReading(
    string Chain,
    long ReadAtMs,
    long? HeadNumber,
    long? HeadTimeMs,
    long? SettledTimeMs,
    SequencerState Sequencer,
    long? SequencerSinceMs,
    string? Problem)
{
    public static ChainReading Unreadable(string chain, long readAtMs, string problem) => new(chain, readAtMs, null, null, null, SequencerState.Unknown, null, problem);

    /// <summary>Head age at <paramref name="nowMs"/>, in seconds; null when the head is unknown.</summary>
    public double? HeadAgeSeconds(long nowMs) => HeadTimeMs is { } head ? Math.Max(0, nowMs - head) / 1000d : null;

    /// <summary>How far the settled state trails the head, in seconds; null where not applicable or unknown.</summary>
    public double? L1LagSeconds => HeadTimeMs is { } head && SettledTimeMs is { } settled ? Math.Max(0, head - settled) / 1000d : null;
}
