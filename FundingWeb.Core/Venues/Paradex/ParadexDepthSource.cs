using System.Globalization;
using FundingWeb.Core.Depth;
using FundingWeb.Core.Venues.Http;

namespace FundingWeb.Core.Venues.Paradex;

/// <summary>Paradex books, one request per market, <c>depth</c> levels a side.</summary>
public sealed class ParadexDepthSource(VenueHttp http, TimeProvider time, int depth) : BookDepthSource
{
    public override string Venue => VenueIds.Paradex;

    protected override async Task<OrderBook> ReadBookAsync(Market market, CancellationToken cancellationToken)
    {
        var path = $"orderbook/{Uri.EscapeDataString(market.Symbol)}?depth={Math.Clamp(depth, 1, 100).ToString(CultureInfo.InvariantCulture)}";
        using var doc = await http.GetJsonAsync(path, cancellationToken).ConfigureAwait(false);
        return ParadexBookParser.Parse(doc.RootElement, market.Symbol, time.GetUtcNow().ToUnixTimeMilliseconds(), http.Describe(path));
    }
}
