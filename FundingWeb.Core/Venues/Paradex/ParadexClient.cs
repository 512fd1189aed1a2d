using System.Collections.Concurrent;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Venues.Http;

namespace FundingWeb.Core.Venues.Paradex;

/// <summary>
/// Paradex (Starknet appchain) over its public REST API. One poll = <c>GET /markets</c> (funding period, margin)
/// + <c>GET /markets/summary?market=ALL</c> (rate, OI, prices): two requests for every market.
/// </summary>
public sealed class ParadexClient : IVenueClient
{
    public const string DefaultBaseUrl = "https://api.prod.paradex.trade/v1";

    /// <summary>NOTES §3.1/§3.2 mark the per-market-period convention [V] (OpenAPI text + funding-mechanism doc).</summary>
    public const bool UnitVerified = true;

    public const string UnitNote =
        "Paradex funds continuously; funding_rate is a fraction per the market's own funding_period_hours (8 h by default, 1 h on some markets), divided by that period for the hourly rate; settled rows are each hour's exact accrual from the change of funding_index, or the rate sampled at the top of the hour where the index cannot be used.";

    /// <summary>The documented maximum page of <c>/funding/data</c>; rows arrive every few seconds, so pages are always full.</summary>
    public const int HistoryPageSize = 5000;

    private const int MaxHistoryPages = 2000;
    private const string MarketsPath = "markets";
    private const string SummaryPath = "markets/summary?market=ALL";

    private readonly VenueHttp _http;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, long> _lastPollHour = new(StringComparer.Ordinal);

    public ParadexClient(HttpClient http, VenueOptions options, TimeProvider timeProvider)
    {
        _http = new VenueHttp(http, options, timeProvider);
        _time = timeProvider;
        Venue = new VenueInfo(VenueIds.Paradex, "Paradex", options.RollupKind, options.WithdrawalDelay, options.TakerFee, IsSimulated: false);
    }

    public VenueInfo Venue { get; }

    public async Task<VenuePoll> PollAsync(CancellationToken cancellationToken)
    {
        var errors = new List<MarketError>();
        using var marketsDoc = await _http.GetJsonAsync(MarketsPath, cancellationToken).ConfigureAwait(false);
        using var summaryDoc = await _http.GetJsonAsync(SummaryPath, cancellationToken).ConfigureAwait(false);
        var fetchedAt = _time.GetUtcNow().ToUnixTimeMilliseconds();

        var configs = ParadexMarketsParser.Parse(marketsDoc.RootElement, fetchedAt, errors);
        var poll = ParadexSummaryParser.Parse(summaryDoc.RootElement, configs, fetchedAt, _http.Describe(SummaryPath), errors);
        return poll with { Funding = [.. poll.Funding, .. HourlySamples(poll.Funding)] };
    }

    // The first poll of each new hour doubles as that hour's settled sample: no extra request, and the same hour key
    // GetHistoryAsync uses. /markets/summary carries no funding_index, so the poll can only sample; the backfill's exact
    // index row for the same hour is meant to replace it (Origin tells them apart).
    private List<RawFundingRate> HourlySamples(IReadOnlyList<RawFundingRate> quotes)
    {
        var settled = new List<RawFundingRate>();
        foreach (var quote in quotes)
        {
            var hour = ParadexHourlySampler.HourOf(quote.TimeMs);
            var previous = _lastPollHour.GetValueOrDefault(quote.Symbol, long.MaxValue);
            _lastPollHour[quote.Symbol] = hour;
            if (previous < hour)
            {
                settled.Add(FundingNormalizer.HourlySettlement(quote with { Source = quote.Source + " (first poll of the hour)" }, hour)
                    with { Origin = FundingOrigins.HourlySample });
            }
        }
        return settled;
    }

    public async Task<VenueHistory> GetHistoryAsync(Market market, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var fromMs = from.ToUnixTimeMilliseconds();
        var toMs = to.ToUnixTimeMilliseconds();
        if (toMs < fromMs) return VenueHistory.Empty;
        // Rows a little past the range give its last hour the end boundary the index needs; only hours in range are kept.
        var endMs = toMs + ParadexHourlySampler.BoundaryToleranceMs;
        var sampler = new ParadexHourlySampler();
        var pages = new HistoryPages();
        var basePath = $"funding/data?market={Uri.EscapeDataString(market.Symbol)}&start_at={fromMs}&end_at={endMs}&page_size={HistoryPageSize}";
        var seenCursors = new HashSet<string>(StringComparer.Ordinal);
        string? cursor = null;
        long? oldest = null, newest = null;
        bool? newestFirst = null;

        for (var page = 0; page < MaxHistoryPages; page++)
        {
            var path = cursor is null ? basePath : basePath + "&cursor=" + Uri.EscapeDataString(cursor);
            // The cursor is opaque: what a failed page leaves unread is the part of the range the rows so far do not span.
            var (unreadFrom, unreadTo) = oldest is null ? (fromMs, toMs) : newestFirst == false ? (newest!.Value + 1, toMs) : (fromMs, oldest.Value - 1);
            var parsed = await pages.ReadAsync(async () =>
            {
                using var doc = await _http.GetJsonAsync(path, cancellationToken).ConfigureAwait(false);
                return ParadexFundingDataParser.Parse(doc.RootElement, market.FundingIntervalHours);
            }, unreadFrom, unreadTo).ConfigureAwait(false);
            if (parsed is null) break;
            foreach (var row in parsed.Rows)
            {
                if (row.CreatedAtMs < fromMs || row.CreatedAtMs > endMs) continue;
                sampler.Add(row);
                oldest = Math.Min(oldest ?? row.CreatedAtMs, row.CreatedAtMs);
                newest = Math.Max(newest ?? row.CreatedAtMs, row.CreatedAtMs);
            }
            if (newestFirst is null && parsed.Rows.Count > 1) newestFirst = parsed.Rows[0].CreatedAtMs > parsed.Rows[^1].CreatedAtMs;
            // Stop on the last page, an empty page, or a cursor we have already followed (a loop would never end).
            if (parsed.Next is null || parsed.Rows.Count == 0 || !seenCursors.Add(parsed.Next)) break;
            cursor = parsed.Next;
        }

        // An hour cut by the gap was only partly read: it joins the gap whole, so its row comes from the refill, complete.
        var gaps = pages.Gaps.Select(g => g with { FromMs = Math.Max(fromMs, ParadexHourlySampler.HourOf(g.FromMs)),
            ToMs = Math.Min(toMs, ParadexHourlySampler.HourOf(g.ToMs) + 3_599_999) }).ToList();
        var (keepFrom, keepTo) = (fromMs, toMs);
        foreach (var gap in gaps)
        {
            if (gap.FromMs <= keepFrom) keepFrom = Math.Max(keepFrom, gap.ToMs + 1);
            else keepTo = Math.Min(keepTo, gap.FromMs - 1);
        }
        var source = _http.Describe("funding/data") + " results[].funding_index / funding_rate";
        return new VenueHistory(sampler.ToSettled(market.Symbol, keepFrom, keepTo, source), []) { Gaps = gaps };
    }
}
