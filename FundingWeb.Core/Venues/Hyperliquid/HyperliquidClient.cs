using FundingWeb.Core.Funding;
using FundingWeb.Core.Venues.Http;

namespace FundingWeb.Core.Venues.Hyperliquid;

/// <summary>
/// Hyperliquid perps (main dex) over <c>POST {base}/info</c> (NOTES §1). One <c>metaAndAssetCtxs</c> call per poll gives
/// markets, quoted funding, open interest and prices for every coin. Settled funding comes from
/// <see cref="GetHistoryAsync"/>: <c>fundingHistory</c> is per coin at weight ≥ 20, too dear to call for every coin each
/// poll. HL publishes no market-wide liquidations or positions, so those stay empty.
/// </summary>
public sealed class HyperliquidClient : IVenueClient
{
    public const string DefaultBaseUrl = "https://api.hyperliquid.xyz";

    /// <summary>Both the quoted <c>funding</c> and the settled <c>fundingRate</c> are fractions (NOTES §0.1 [V]).</summary>
    public const bool UnitVerified = true;

    public const string UnitNote =
        "Hyperliquid quotes a fraction per 1h (the 8h formula paid 1/8 each hour); settled history intervals are read from the row spacing (8h in 2023, 1h since).";

    /// <summary>The venue's cap on rows per <c>fundingHistory</c> call (NOTES §1.1).</summary>
    public const int HistoryPageSize = 500;

    private const string InfoPath = "info";

    /// <summary>Rows from just before <c>from</c>, so the first wanted row has a predecessor to measure its interval against.</summary>
    private static readonly TimeSpan IntervalLookback = TimeSpan.FromHours(9);

    private readonly VenueHttp _http;
    private readonly TimeProvider _timeProvider;

    public HyperliquidClient(HttpClient http, VenueOptions options, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _http = new VenueHttp(http, WithBaseUrl(options), timeProvider);
        Venue = new VenueInfo(VenueIds.Hyperliquid, "Hyperliquid", options.RollupKind, options.WithdrawalDelay, options.TakerFee, IsSimulated: false);
    }

    public VenueInfo Venue { get; }

    public async Task<VenuePoll> PollAsync(CancellationToken cancellationToken)
    {
        using var doc = await _http.PostJsonAsync(InfoPath, new { type = "metaAndAssetCtxs" }, cancellationToken).ConfigureAwait(false);
        var fetchedAtMs = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        return HyperliquidAssetContextsParser.Parse(doc.RootElement, fetchedAtMs, $"POST {_http.Describe(InfoPath)} metaAndAssetCtxs");
    }

    public async Task<VenueHistory> GetHistoryAsync(Market market, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var fromMs = from.ToUnixTimeMilliseconds();
        var toMs = to.ToUnixTimeMilliseconds();
        if (toMs < fromMs) return VenueHistory.Empty;

        var byTime = new SortedDictionary<long, HyperliquidSettlement>();
        var pages = new HistoryPages();
        var startMs = (from - IntervalLookback).ToUnixTimeMilliseconds();
        while (startMs <= toMs)
        {
            var body = new { type = "fundingHistory", coin = market.Symbol, startTime = startMs, endTime = toMs };
            // The next page starts after this one's last row, so a failed page leaves everything from its start unread.
            var page = await pages.ReadAsync(async () =>
            {
                using var doc = await _http.PostJsonAsync(InfoPath, body, cancellationToken).ConfigureAwait(false);
                return HyperliquidFundingHistoryParser.ParsePage(doc.RootElement, market.Symbol);
            }, Math.Max(startMs, fromMs), toMs).ConfigureAwait(false);
            if (page is null) break;
            foreach (var row in page) byTime[row.TimeMs] = row;
            if (page.Count < HistoryPageSize) break;
            var lastMs = page.Max(r => r.TimeMs);
            if (lastMs < startMs) break; // the venue ignored startTime: stop rather than loop
            startMs = lastMs + 1;
        }

        var rows = byTime.Values.ToList();
        var intervals = HyperliquidSettlementIntervals.Derive(rows.Select(r => r.TimeMs).ToList());
        var source = $"POST {_http.Describe(InfoPath)} fundingHistory.fundingRate";
        var funding = new List<RawFundingRate>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].TimeMs < fromMs || rows[i].TimeMs > toMs) continue;
            funding.Add(new RawFundingRate(market.Symbol, rows[i].TimeMs, FundingKind.Settled, rows[i].Rate, intervals[i], RateUnit.Fraction, Source: source));
        }
        // HL has no open-interest history endpoint (NOTES §1.1): OI history is what the poller records.
        return new VenueHistory(funding, []) { Gaps = pages.Gaps };
    }

    /// <summary>An unset base URL means production; the caller's options object is never mutated.</summary>
    private static VenueOptions WithBaseUrl(VenueOptions options) => string.IsNullOrWhiteSpace(options.BaseUrl)
        ? new VenueOptions { BaseUrl = DefaultBaseUrl, RequestsPerMinute = options.RequestsPerMinute, RequestTimeout = options.RequestTimeout }
        : options;
}
