using System.Collections.Concurrent;
using System.Globalization;
using FundingWeb.Core.Depth;
using FundingWeb.Core.Venues.Http;

namespace FundingWeb.Core.Venues.Lighter;

/// <summary>
/// Lighter books by integer market id. The ids come from <c>orderBookDetails</c>, read within the same depth budget on the
/// first round and again (at most every <see cref="IdRefresh"/>) when a market appears whose id is not known yet.
/// </summary>
public sealed class LighterDepthSource(VenueHttp http, TimeProvider time, int limit) : BookDepthSource
{
    public static readonly TimeSpan IdRefresh = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, long> _ids = new(StringComparer.OrdinalIgnoreCase);
    private long? _idsReadMs;

    public override string Venue => VenueIds.Lighter;

    protected override async Task<int> PrepareAsync(IReadOnlyList<Market> markets, int maxRequests, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var missing = markets.Any(m => !_ids.ContainsKey(m.Symbol));
        // A round of one request spends it on a book once some ids are known; the unknown market waits for a larger round.
        if (!missing || (maxRequests < 2 && !_ids.IsEmpty) || (_idsReadMs is { } read && now - read < IdRefresh.TotalMilliseconds)) return 0;
        _idsReadMs = now;
        using var doc = await http.GetJsonAsync(LighterClient.OrderBookDetailsPath, cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var row in LighterParser.ParseOrderBookDetails(doc.RootElement, 8).Markets) _ids[row.Market.Symbol] = row.MarketId;
        }
        catch (FormatException)
        {
            // The books of markets already known still read; the others say their id is unknown.
        }
        return 1;
    }

    protected override async Task<OrderBook> ReadBookAsync(Market market, CancellationToken cancellationToken)
    {
        if (!_ids.TryGetValue(market.Symbol, out var id)) throw new FormatException($"no market_id known for {market.Symbol} (orderBookDetails)");
        var path = $"api/v1/orderBookOrders?market_id={id.ToString(CultureInfo.InvariantCulture)}&limit={Math.Clamp(limit, 1, 100).ToString(CultureInfo.InvariantCulture)}";
        using var doc = await http.GetJsonAsync(path, cancellationToken).ConfigureAwait(false);
        return LighterBookParser.Parse(doc.RootElement, market.Symbol, time.GetUtcNow().ToUnixTimeMilliseconds(), http.Describe(path));
    }
}
