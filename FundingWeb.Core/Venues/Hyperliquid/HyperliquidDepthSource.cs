using FundingWeb.Core.Depth;
using FundingWeb.Core.Venues.Http;

namespace FundingWeb.Core.Venues.Hyperliquid;

/// <summary>Hyperliquid books, one <c>l2Book</c> request (weight 2) per market, on its own share of the venue's weight budget.</summary>
public sealed class HyperliquidDepthSource(VenueHttp http, TimeProvider time) : BookDepthSource
{
    private const string InfoPath = "info";

    public override string Venue => VenueIds.Hyperliquid;

    protected override async Task<OrderBook> ReadBookAsync(Market market, CancellationToken cancellationToken)
    {
        using var doc = await http.PostJsonAsync(InfoPath, new { type = "l2Book", coin = market.Symbol }, cancellationToken).ConfigureAwait(false);
        return HyperliquidBookParser.Parse(doc.RootElement, market.Symbol, time.GetUtcNow().ToUnixTimeMilliseconds(),
            http.Describe(InfoPath) + " l2Book levels");
    }
}
