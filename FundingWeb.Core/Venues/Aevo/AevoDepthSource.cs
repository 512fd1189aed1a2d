using FundingWeb.Core.Depth;
using FundingWeb.Core.Venues.Http;

namespace FundingWeb.Core.Venues.Aevo;

/// <summary>Aevo books, one request per instrument; the funding client's rotation is separate and unaffected.</summary>
public sealed class AevoDepthSource(VenueHttp http, TimeProvider time) : BookDepthSource
{
    public override string Venue => VenueIds.Aevo;

    protected override async Task<OrderBook> ReadBookAsync(Market market, CancellationToken cancellationToken)
    {
        var path = "orderbook?instrument_name=" + Uri.EscapeDataString(market.Symbol);
        using var doc = await http.GetJsonAsync(path, cancellationToken).ConfigureAwait(false);
        return AevoBookParser.Parse(doc.RootElement, market.Symbol, time.GetUtcNow().ToUnixTimeMilliseconds(), http.Describe(path));
    }
}
