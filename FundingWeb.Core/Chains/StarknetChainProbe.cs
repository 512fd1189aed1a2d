using System.Text.Json;
using FundingWeb.Core.Venues;

namespace FundingWeb.Core.Chains;

/// <summary>
/// A Starknet chain (Paradex's appchain) over public JSON-RPC: <c>starknet_getBlockWithTxHashes</c> of the <c>latest</c> block
/// for head age, and of the <c>l1_accepted</c> block (spec 0.9+) for how far L1 acceptance trails; a node that does not know
/// the tag leaves the L1 lag unknown and says so.
/// </summary>
public sealed class StarknetChainProbe(JsonRpc rpc, ChainOptions options, TimeProvider time) : IChainProbe
{
    public string Chain => options.Name;

    public async Task<ChainReading> ProbeAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        (long Number, long TimeMs) head;
        try
        {
            head = await BlockAsync("latest", cancellationToken).ConfigureAwait(false);
        }
        catch (VenueException ex)
        {
            return ChainReading.Unreadable(Chain, now, "head: " + ex.Reason);
        }
        try
        {
            var accepted = await BlockAsync("l1_accepted", cancellationToken).ConfigureAwait(false);
            return new ChainReading(Chain, now, head.Number, head.TimeMs, accepted.TimeMs, SequencerState.Unknown, null, null);
        }
        catch (VenueException ex)
        {
            return new ChainReading(Chain, now, head.Number, head.TimeMs, null, SequencerState.Unknown, null, "L1 acceptance: " + ex.Reason);
        }
    }

    private async Task<(long Number, long TimeMs)> BlockAsync(string tag, CancellationToken cancellationToken)
    {
        var block = await rpc.CallAsync("starknet_getBlockWithTxHashes", [new Dictionary<string, string> { ["block_id"] = tag }], cancellationToken).ConfigureAwait(false);
        if (block.ValueKind != JsonValueKind.Object
            || !block.TryGetProperty("block_number", out var n) || !n.TryGetInt64(out var number) || number < 0
            || !block.TryGetProperty("timestamp", out var t) || !t.TryGetInt64(out var seconds) || seconds <= 0 || seconds > 32_503_680_000)
        {
            throw new VenueException($"starknet_getBlockWithTxHashes({tag}): block without a number and timestamp");
        }
        return (number, seconds * 1000);
    }
}
