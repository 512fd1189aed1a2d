using System.Globalization;
using System.Numerics;
using System.Text.Json;
using FundingWeb.Core.Venues;

namespace FundingWeb.Core.Chains;

/// <summary>
/// An EVM chain over public JSON-RPC: the latest block (number, timestamp) for head age; the <c>finalized</c> block (else
/// <c>safe</c>) for how far settled state trails; optionally a Chainlink L2 sequencer-uptime feed (<c>latestRoundData()</c>:
/// answer 0 = up, 1 = down, <c>startedAt</c> = since when). Each part that fails is named in the reading's problem.
/// </summary>
public sealed class EvmChainProbe(JsonRpc rpc, ChainOptions options, TimeProvider time) : IChainProbe
{
    // keccak256("latestRoundData()")[..4]
    private const string LatestRoundData = "0xfeaf968c";

    public string Chain => options.Name;

    public async Task<ChainReading> ProbeAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var problems = new List<string>();
        (long Number, long TimeMs)? head = null;
        try
        {
            head = await BlockAsync("latest", cancellationToken).ConfigureAwait(false);
        }
        catch (VenueException ex)
        {
            return ChainReading.Unreadable(Chain, now, "head: " + ex.Reason);
        }
        long? settled = null;
        foreach (var tag in new[] { "finalized", "safe" })
        {
            try
            {
                settled = (await BlockAsync(tag, cancellationToken).ConfigureAwait(false)).TimeMs;
                break;
            }
            catch (VenueException ex)
            {
                if (tag == "safe") problems.Add("settled state: " + ex.Reason);
            }
        }
        var (sequencer, since) = (SequencerState.Unknown, (long?)null);
        if (!string.IsNullOrWhiteSpace(options.SequencerFeed))
        {
            try
            {
                (sequencer, since) = await SequencerAsync(options.SequencerFeed!, cancellationToken).ConfigureAwait(false);
            }
            catch (VenueException ex)
            {
                problems.Add("sequencer feed: " + ex.Reason);
            }
        }
        return new ChainReading(Chain, now, head?.Number, head?.TimeMs, settled, sequencer, since, problems.Count == 0 ? null : string.Join("; ", problems));
    }

    private async Task<(long Number, long TimeMs)> BlockAsync(string tag, CancellationToken cancellationToken)
    {
        var block = await rpc.CallAsync("eth_getBlockByNumber", [tag, false], cancellationToken).ConfigureAwait(false);
        if (block.ValueKind != JsonValueKind.Object) throw new VenueException($"eth_getBlockByNumber({tag}): no block");
        if (!block.TryGetProperty("number", out var n) || !JsonRpc.TryHex(n, out var number)
            || !block.TryGetProperty("timestamp", out var t) || !JsonRpc.TryHex(t, out var seconds) || seconds > 32_503_680_000)
        {
            throw new VenueException($"eth_getBlockByNumber({tag}): block without a hex number and timestamp");
        }
        return (number, seconds * 1000);
    }

    private async Task<(SequencerState, long?)> SequencerAsync(string feed, CancellationToken cancellationToken)
    {
        var result = await rpc.CallAsync("eth_call", [new Dictionary<string, string> { ["to"] = feed, ["data"] = LatestRoundData }, "latest"], cancellationToken).ConfigureAwait(false);
        var hex = result.ValueKind == JsonValueKind.String ? result.GetString() : null;
        // Five 32-byte words: roundId, answer, startedAt, updatedAt, answeredInRound.
        if (hex is null || !hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || hex.Length < 2 + 64 * 5)
        {
            throw new VenueException("latestRoundData: answer is not five ABI words");
        }
        var answer = Word(hex, 1);
        var startedAt = Word(hex, 2);
        var state = answer == 0 ? SequencerState.Up : answer == 1 ? SequencerState.Down
            : throw new VenueException($"latestRoundData: answer {answer} is neither 0 (up) nor 1 (down)");
        long? since = startedAt > 0 && startedAt < 32_503_680_000 ? (long)startedAt * 1000 : null;
        return (state, since);
    }

    private static BigInteger Word(string hex, int index)
    {
        var word = hex.AsSpan(2 + index * 64, 64);
        // Unsigned read is fine for answer (0 or 1) and a timestamp; a negative int256 answer shows as huge and is refused above.
        return BigInteger.Parse("0" + word.ToString(), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }
}
