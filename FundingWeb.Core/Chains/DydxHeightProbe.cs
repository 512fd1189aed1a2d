using System.Globalization;
using System.Text.Json;
using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Http;

namespace FundingWeb.Core.Chains;

/// <summary>
/// dYdX Chain through its indexer's <c>GET /height</c> (<c>{"height":"…","time":"…"}</c>): the newest block the indexer has,
/// and its time. Head age here is chain production and indexer catch-up together, which is what a desk reading the indexer
/// feels. CometBFT blocks are final when made, so there is no L1 lag.
/// </summary>
public sealed class DydxHeightProbe(VenueHttp http, ChainOptions options, TimeProvider time) : IChainProbe
{
    public string Chain => options.Name;

    public async Task<ChainReading> ProbeAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        try
        {
            using var doc = await http.GetJsonAsync("height", cancellationToken).ConfigureAwait(false);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("height", out var h) || !JsonNumbers.TryGetDouble(h, out var height) || height < 0
                || !root.TryGetProperty("time", out var t) || t.ValueKind != JsonValueKind.String
                || !DateTimeOffset.TryParse(t.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                return ChainReading.Unreadable(Chain, now, "/height: answer without a height and an ISO time");
            }
            return new ChainReading(Chain, now, (long)height, at.ToUnixTimeMilliseconds(), null, SequencerState.Unknown, null, null);
        }
        catch (VenueException ex)
        {
            return ChainReading.Unreadable(Chain, now, ex.Reason);
        }
    }
}
