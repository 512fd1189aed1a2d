using FundingWeb.Core.Depth;
using FundingWeb.Core.Venues.Http;

namespace FundingWeb.Core.Venues.Dydx;

/// <summary>dYdX indexer books, one request per market.</summary>
public sealed class DydxDepthSource(VenueHttp http, TimeProvider time) : BookDepthSource
{
    public override string Venue => VenueIds.Dydx;

    protected override async Task<OrderBook> ReadBookAsync(Market market, CancellationToken cancellationToken)
    {
        var path = "orderbooks/perpetualMarket/" + Uri.EscapeDataString(market.Symbol);
        using var doc = await http.GetJsonAsync(path, cancellationToken).ConfigureAwait(false);
        return DydxBookParser.Parse(doc.RootElement, market.Symbol, time.GetUtcNow().ToUnixTimeMilliseconds(), http.Describe(path));
    }
}
