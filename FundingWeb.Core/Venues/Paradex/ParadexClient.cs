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
        "Paradex funds continuously; funding_rate is a fraction per the market's own funding_period_hours (8 h by default, 1 h on some markets), divided by that period for the hourly rate; settled rows are the rate sampled at the top of each hour.";

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

    // The first poll of each new hour doubles as that hour's settled sample: no extra request, and the same
    // hour key GetHistoryAsync uses, so a later backfill of the same hour overwrites rather than duplicates.
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
                settled.Add(FundingNormalizer.HourlySettlement(quote with { Source = quote.Source + " (first poll of the hour)" }, hour));
            }
        }
        return settled;
    }

    public async Task<VenueHistory> GetHistoryAsync(Market market, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var fromMs = from.ToUnixTimeMilliseconds();
        var toMs = to.ToUnixTimeMilliseconds();
        var sampler = new ParadexHourlySampler();
        var basePath = $"funding/data?market={Uri.EscapeDataString(market.Symbol)}&start_at={fromMs}&end_at={toMs}&page_size={HistoryPageSize}";
        var seenCursors = new HashSet<string>(StringComparer.Ordinal);
        string? cursor = null;

        for (var page = 0; page < MaxHistoryPages; page++)
        {
            var path = cursor is null ? basePath : basePath + "&cursor=" + Uri.EscapeDataString(cursor);
            using var doc = await _http.GetJsonAsync(path, cancellationToken).ConfigureAwait(false);
            var parsed = ParadexFundingDataParser.Parse(doc.RootElement, market.FundingIntervalHours);
            foreach (var row in parsed.Rows)
            {
                if (row.CreatedAtMs >= fromMs && row.CreatedAtMs <= toMs) sampler.Add(row);
            }
            // Stop on the last page, an empty page, or a cursor we have already followed (a loop would never end).
            if (parsed.Next is null || parsed.Rows.Count == 0 || !seenCursors.Add(parsed.Next)) break;
            cursor = parsed.Next;
        }

        var source = _http.Describe("funding/data") + " results[].funding_rate (first sample of each hour)";
        return new VenueHistory(sampler.ToSettled(market.Symbol, fromMs, toMs, source), []);
    }
}
