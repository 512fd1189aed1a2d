using FundingWeb.Core.Funding;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.OpenInterest;
using FundingWeb.Core.Venues.Http;

namespace FundingWeb.Core.Venues.Dydx;

/// <summary>
/// dYdX v4 through its public indexer (NOTES §2). A poll is one <c>GET /perpetualMarkets</c> (markets, quoted 1h funding,
/// OI, oracle prices) plus <c>/trades/perpetualMarket/{ticker}</c> for a few markets, for realised liquidations.
/// Settled funding and the OI series (1HOUR candles) come from <see cref="GetHistoryAsync"/>: both are per market, too
/// many requests to repeat for every market on every poll.
/// </summary>
public sealed class DydxClient : IVenueClient
{
    public const string DefaultBaseUrl = "https://indexer.dydx.trade/v4";

    /// <summary><c>nextFundingRate</c> and <c>historicalFunding[].rate</c> are 1h fractions (NOTES §0.1, §2.2 [V]).</summary>
    public const bool UnitVerified = true;

    public const string UnitNote =
        "dYdX quotes and settles a fraction per 1h: the indexer divides the protocol's 8h ppm rate by 8.";

    /// <summary>Rows per history page. 100 is accepted by every indexer limit we know of; pagination does the rest.</summary>
    public const int HistoryPageSize = 100;

    /// <summary>The indexer returns at most this many latest trades per market, which bounds what one read can see.</summary>
    public const int TradesPageSize = 100;

    private const string MarketsPath = "perpetualMarkets";
    private const long MsPerHour = 3_600_000;

    private readonly VenueHttp _http;
    private readonly TimeProvider _timeProvider;
    private readonly DydxLiquidationTracker _liquidations;

    public DydxClient(HttpClient http, VenueOptions options, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _http = new VenueHttp(http, WithBaseUrl(options), timeProvider);
        Venue = new VenueInfo(VenueIds.Dydx, "dYdX v4", options.RollupKind, options.WithdrawalDelay, options.TakerFee, IsSimulated: false);
        // Half of what the budget allows per poll, minus the markets call, goes to trades; the other half is left
        // for history backfill. 60 req/min at a 10 s poll → 10 per poll → 4 trades reads.
        var perPoll = options.RequestsPerMinute * options.PollInterval.TotalSeconds / 60d;
        _liquidations = new DydxLiquidationTracker(Math.Clamp((int)(perPoll / 2) - 1, 0, 20));
    }

    public VenueInfo Venue { get; }

    public async Task<VenuePoll> PollAsync(CancellationToken cancellationToken)
    {
        VenuePoll poll;
        using (var doc = await _http.GetJsonAsync(MarketsPath, cancellationToken).ConfigureAwait(false))
        {
            var fetchedAtMs = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
            poll = DydxMarketsParser.Parse(doc.RootElement, fetchedAtMs, $"GET {_http.Describe(MarketsPath)}");
        }
        var liquidations = new List<LiquidationEvent>();
        var errors = poll.MarketErrors.ToList();
        foreach (var ticker in _liquidations.PickTickers(TradableByOpenInterest(poll)))
        {
            try
            {
                using var doc = await _http.GetJsonAsync($"trades/perpetualMarket/{Uri.EscapeDataString(ticker)}?limit={TradesPageSize}", cancellationToken).ConfigureAwait(false);
                liquidations.AddRange(_liquidations.TakeNew(ticker, DydxTradesParser.ParseLiquidations(doc.RootElement, ticker)));
            }
            catch (VenueException ex)
            {
                // Liquidations are an overlay: losing them for one market must not lose the funding poll.
                errors.Add(new MarketError(ticker, $"liquidations: {ex.Reason}", Kept: true));
                if (ex is VenueRateLimitedException) break;
            }
        }
        return poll with { Liquidations = liquidations, MarketErrors = errors };
    }

    public async Task<VenueHistory> GetHistoryAsync(Market market, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var fromMs = from.ToUnixTimeMilliseconds();
        var toMs = to.ToUnixTimeMilliseconds();
        if (toMs < fromMs) return VenueHistory.Empty;
        var ticker = Uri.EscapeDataString(market.Symbol);

        var pages = new HistoryPages();
        var settlements = await PageBackAsync(pages, fromMs, toMs, s => s.TimeMs, cursor =>
            $"historicalFunding/{ticker}?limit={HistoryPageSize}&effectiveBeforeOrAt={DydxJson.IsoParameter(cursor)}",
            doc => DydxHistoryParser.ParseFunding(doc.RootElement, market.Symbol), cancellationToken).ConfigureAwait(false);
        List<DydxOpenInterestCandle> candles = [];
        // After a 429 the candles would be refused too: their whole range waits for the next backfill with the funding gap.
        if (pages.RateLimited) pages.Record(fromMs, toMs, "candles not asked after a 429 on historicalFunding");
        else candles = await PageBackAsync(pages, fromMs, toMs, c => c.StartedAtMs, cursor =>
            $"candles/perpetualMarkets/{ticker}?resolution=1HOUR&limit={HistoryPageSize}&fromISO={DydxJson.IsoParameter(fromMs)}&toISO={DydxJson.IsoParameter(cursor)}",
            doc => DydxHistoryParser.ParseCandles(doc.RootElement, market.Symbol), cancellationToken).ConfigureAwait(false);

        var fundingSource = $"GET {_http.Describe($"historicalFunding/{ticker}")} historicalFunding[].rate";
        var funding = settlements
            .Select(s => new RawFundingRate(market.Symbol, s.TimeMs, FundingKind.Settled, s.Rate, DydxMarketsParser.QuotedIntervalHours, RateUnit.Fraction, Source: fundingSource))
            .ToList();

        // OI in USD at each hour uses that hour's settlement oracle price, the same basis as the live poll
        // (base × oracle); the candle's own prices are the fallback when no settlement matches the hour.
        var oracleByHour = settlements.Where(s => s.OraclePrice is not null)
            .GroupBy(s => s.TimeMs / MsPerHour).ToDictionary(g => g.Key, g => g.First().OraclePrice!.Value);
        var openInterest = new List<OpenInterestObservation>();
        foreach (var candle in candles)
        {
            var price = oracleByHour.TryGetValue(candle.StartedAtMs / MsPerHour, out var oracle) ? oracle : candle.PriceAtOpen;
            if (price is null) continue;
            openInterest.Add(new OpenInterestObservation(market.Symbol, candle.StartedAtMs, candle.StartingOpenInterest, candle.StartingOpenInterest * price.Value));
        }
        return new VenueHistory(funding, openInterest) { Gaps = pages.Gaps };
    }

    /// <summary>
    /// Both history endpoints answer newest first up to a time we give; page back from <paramref name="toMs"/> until a
    /// page reaches <paramref name="fromMs"/> or comes back empty. Oldest first, one row per time, out. Paging back, a
    /// failed page leaves [<paramref name="fromMs"/>, cursor] unread; the newer pages that arrived are kept.
    /// </summary>
    private async Task<List<T>> PageBackAsync<T>(HistoryPages pages, long fromMs, long toMs, Func<T, long> timeOf, Func<long, string> pathBefore,
        Func<System.Text.Json.JsonDocument, IReadOnlyList<T>> parse, CancellationToken cancellationToken)
    {
        var byTime = new SortedDictionary<long, T>();
        var cursor = toMs;
        while (cursor >= fromMs)
        {
            var at = cursor;
            var page = await pages.ReadAsync(async () =>
            {
                using var doc = await _http.GetJsonAsync(pathBefore(at), cancellationToken).ConfigureAwait(false);
                return parse(doc);
            }, fromMs, cursor).ConfigureAwait(false);
            if (page is null || page.Count == 0) break;
            foreach (var row in page)
            {
                var time = timeOf(row);
                if (time >= fromMs && time <= toMs) byTime.TryAdd(time, row);
            }
            var oldest = page.Min(timeOf);
            if (oldest > cursor) break; // the venue ignored our cursor: stop rather than loop
            cursor = oldest - 1;
        }
        return byTime.Values.ToList();
    }

    private static IReadOnlyList<string> TradableByOpenInterest(VenuePoll poll)
    {
        var usd = poll.OpenInterest.ToDictionary(o => o.Symbol, o => o.Usd, StringComparer.Ordinal);
        return poll.Markets.Where(m => m.Status != MarketStatus.Delisted)
            .OrderByDescending(m => usd.GetValueOrDefault(m.Symbol))
            .ThenBy(m => m.Symbol, StringComparer.Ordinal)
            .Select(m => m.Symbol)
            .ToList();
    }

    /// <summary>An unset base URL means production; the caller's options object is never mutated.</summary>
    private static VenueOptions WithBaseUrl(VenueOptions options) => string.IsNullOrWhiteSpace(options.BaseUrl)
        ? new VenueOptions { BaseUrl = DefaultBaseUrl, RequestsPerMinute = options.RequestsPerMinute, RequestTimeout = options.RequestTimeout }
        : options;
}
