using System.Collections.Concurrent;
using System.Globalization;
using FundingWeb.Core.Funding;
using FundingWeb.Core.OpenInterest;
using FundingWeb.Core.Prices;
using FundingWeb.Core.Venues.Http;

namespace FundingWeb.Core.Venues.Lighter;

/// <summary>
/// Lighter (zk rollup) over public REST. Unauthenticated REST allows 60 requests per rolling minute per IP
/// (NOTES.md §4.3), so a poll is exactly two requests for every market at once: <c>orderBookDetails</c> (markets,
/// status, margins, OI, last price) and <c>funding-rates</c> (the quoted rate of every market).
/// </summary>
public sealed class LighterClient : IVenueClient
{
    public const string DefaultBaseUrl = "https://mainnet.zklighter.elliot.ai";

    public const bool UnitVerified = false;

    public const string UnitNote =
        "Unverified: Lighter funding-rates 'rate' assumed an 8-hour fraction and fundings 'rate' percent per hour " +
        "(one third-party client, df-lighter-core); the docs' WebSocket example suggests percent.";

    internal const string OrderBookDetailsPath = "api/v1/orderBookDetails";
    internal const string FundingRatesPath = "api/v1/funding-rates";
    internal const string FundingsPath = "api/v1/fundings";

    /// <summary>
    /// Hours per <c>fundings</c> request. The page cap is reportedly 750 rows (NOTES.md §4.1, [I]); 500 hourly rows per
    /// window stays well under it whichever end the server would truncate, so no row is silently lost.
    /// </summary>
    public const int HistoryPageHours = 500;

    private readonly VenueHttp _http;
    private readonly TimeProvider _time;
    private readonly LighterConventions _conventions;
    private readonly ConcurrentDictionary<string, long> _marketIds = new(StringComparer.OrdinalIgnoreCase);

    public LighterClient(HttpClient http, VenueOptions options, TimeProvider timeProvider)
    {
        _http = new VenueHttp(http, options, timeProvider);
        _time = timeProvider;
        _conventions = LighterConventions.From(options);
        Venue = new VenueInfo(VenueIds.Lighter, "Lighter", options.RollupKind, options.WithdrawalDelay, options.TakerFee, IsSimulated: false);
    }

    public VenueInfo Venue { get; }

    public async Task<VenuePoll> PollAsync(CancellationToken cancellationToken)
    {
        var fetchedAt = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var (markets, errors) = await GetMarketsAsync(cancellationToken).ConfigureAwait(false);
        using var ratesDoc = await _http.GetJsonAsync(FundingRatesPath, cancellationToken).ConfigureAwait(false);
        var rates = LighterParser.ParseFundingRates(ratesDoc.RootElement);
        var rateSource = _http.Describe(FundingRatesPath) + " funding_rates[].rate";

        var marketErrors = errors.ToList();
        var outMarkets = new List<Market>();
        var funding = new List<RawFundingRate>();
        var openInterest = new List<OpenInterestObservation>();
        var prices = new List<PriceObservation>();
        foreach (var row in markets)
        {
            var symbol = row.Market.Symbol;
            double? quoted = null;
            if (row.Market.Status == MarketStatus.Active && rates.TryGetValue(row.MarketId, out var rate))
            {
                if (rate is null)
                {
                    marketErrors.Add(new MarketError(symbol, "field 'rate' in funding-rates is not a number"));
                    continue;
                }
                quoted = rate;
            }
            outMarkets.Add(row.Market);
            if (row.Market.Status != MarketStatus.Active) continue;
            if (quoted is double q)
            {
                funding.Add(new RawFundingRate(symbol, fetchedAt, FundingKind.Quoted, q, _conventions.QuotedIntervalHours,
                    _conventions.QuotedUnit, FundingLeg.Net, rateSource));
            }
            openInterest.Add(new OpenInterestObservation(symbol, fetchedAt, row.OpenInterestBase, row.OpenInterestBase * row.LastTradePrice));
            // A market that has not traded yet reports last_trade_price 0: no price is better than a zero one.
            prices.Add(new PriceObservation(symbol, fetchedAt, row.LastTradePrice > 0 ? row.LastTradePrice : null, Index: null));
        }
        return new VenuePoll(fetchedAt, outMarkets, funding, openInterest, prices, [], marketErrors);
    }

    public async Task<VenueHistory> GetHistoryAsync(Market market, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (to <= from) return VenueHistory.Empty;
        var marketId = await ResolveMarketIdAsync(market.Symbol, cancellationToken).ConfigureAwait(false);
        if (marketId is null) return VenueHistory.Empty;

        var fromS = from.ToUnixTimeSeconds();
        var toS = to.ToUnixTimeSeconds();
        var source = _http.Describe(FundingsPath) + " fundings[].rate";
        var byTime = new SortedDictionary<long, RawFundingRate>();
        var pages = new HistoryPages();
        for (var start = fromS; start < toS; start += HistoryPageHours * 3600L)
        {
            var end = Math.Min(toS, start + HistoryPageHours * 3600L);
            if (pages.RateLimited)
            {
                // Asking again would be refused too: the rest of the range waits for the next backfill.
                pages.Record(start * 1000, to.ToUnixTimeMilliseconds(), "not asked after a 429 on an earlier window");
                break;
            }
            var path = string.Create(CultureInfo.InvariantCulture,
                $"{FundingsPath}?market_id={marketId}&resolution=1h&start_timestamp={start}&end_timestamp={end}&count_back={HistoryPageHours + 1}");
            // Windows are fixed, so a failed one leaves only itself unread and the later windows are still asked.
            var rows = await pages.ReadAsync(async () =>
            {
                using var doc = await _http.GetJsonAsync(path, cancellationToken).ConfigureAwait(false);
                return LighterParser.ParseFundings(doc.RootElement, market.Symbol, source);
            }, start * 1000, end * 1000).ConfigureAwait(false);
            foreach (var row in rows ?? [])
            {
                // Windows share their edge hour, and a server may ignore the window: keep each settlement once, in range.
                if (row.TimeMs >= from.ToUnixTimeMilliseconds() && row.TimeMs <= to.ToUnixTimeMilliseconds()) byTime.TryAdd(row.TimeMs, row);
            }
        }
        return new VenueHistory(byTime.Values.ToList(), []) { Gaps = pages.Gaps };
    }

    private async Task<(IReadOnlyList<LighterMarketRow> Markets, IReadOnlyList<MarketError> Errors)> GetMarketsAsync(CancellationToken cancellationToken)
    {
        using var doc = await _http.GetJsonAsync(OrderBookDetailsPath, cancellationToken).ConfigureAwait(false);
        var parsed = LighterParser.ParseOrderBookDetails(doc.RootElement, _conventions.QuotedIntervalHours);
        foreach (var row in parsed.Markets) _marketIds[row.Market.Symbol] = row.MarketId;
        return parsed;
    }

    /// <summary>History wants Lighter's integer id; the last poll knows it, otherwise one discovery request does.</summary>
    private async Task<long?> ResolveMarketIdAsync(string symbol, CancellationToken cancellationToken)
    {
        if (_marketIds.TryGetValue(symbol, out var id)) return id;
        await GetMarketsAsync(cancellationToken).ConfigureAwait(false);
        return _marketIds.TryGetValue(symbol, out id) ? id : null;
    }
}
