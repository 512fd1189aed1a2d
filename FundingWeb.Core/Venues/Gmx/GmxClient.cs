using System.Text.Json;
using FundingWeb.Core.Venues.Http;

namespace FundingWeb.Core.Venues.Gmx;

/// <summary>
/// GMX v2 on Arbitrum through its read-only oracle API. A poll is <c>/markets/info</c> (every market: OI per side,
/// funding per side, borrowing per side) plus <c>/prices/tickers</c> (oracle prices); <c>/tokens</c> supplies the decimals
/// the prices need and is fetched only when a market's index token is not known yet.
/// </summary>
public sealed class GmxClient : IVenueClient
{
    public const string DefaultBaseUrl = "https://arbitrum-api.gmxinfra.io";

    public const bool UnitVerified = false;

    public const string UnitNote =
        "GMX fundingRate/borrowingRate read as annualised 1e30 fixed point (two third-party clients, one checked live; " +
        "GMX's own SDK does not read this endpoint). Funding is signed from each side's view (negative = that side pays) " +
        "and stored in the market sign; borrowing is a cost (positive = that side pays).";

    internal const string MarketsInfoPath = "markets/info";
    internal const string TickersPath = "prices/tickers";
    internal const string TokensPath = "tokens";

    private readonly VenueHttp _http;
    private readonly TimeProvider _time;
    private readonly GmxConventions _conventions;
    /// <summary>A token missing from /tokens itself (a retired synthetic) must not cost a request every poll.</summary>
    private static readonly TimeSpan TokenRefreshMinInterval = TimeSpan.FromMinutes(10);

    private volatile IReadOnlyDictionary<string, GmxToken> _tokens = new Dictionary<string, GmxToken>();
    private long _tokensFetchedAtMs;
    private volatile IReadOnlySet<string> _missingAtFetch = new HashSet<string>();

    public GmxClient(HttpClient http, VenueOptions options, TimeProvider timeProvider)
    {
        _http = new VenueHttp(http, options, timeProvider);
        _time = timeProvider;
        _conventions = GmxConventions.From(options);
        Venue = new VenueInfo(VenueIds.Gmx, "GMX v2", options.RollupKind, options.WithdrawalDelay, options.TakerFee, IsSimulated: false);
    }

    public VenueInfo Venue { get; }

    public async Task<VenuePoll> PollAsync(CancellationToken cancellationToken)
    {
        var fetchedAt = _time.GetUtcNow().ToUnixTimeMilliseconds();
        using var info = await _http.GetJsonAsync(MarketsInfoPath, cancellationToken).ConfigureAwait(false);
        using var tickers = await _http.GetJsonAsync(TickersPath, cancellationToken).ConfigureAwait(false);
        var prices = GmxParser.ParseTickers(tickers.RootElement);
        var tokens = await TokensForAsync(info.RootElement, cancellationToken).ConfigureAwait(false);

        var parts = GmxParser.ParseMarketsInfo(info.RootElement, prices, tokens, _conventions, fetchedAt, _http.Describe(MarketsInfoPath));
        return new VenuePoll(fetchedAt, parts.Markets, parts.Funding, parts.OpenInterest, parts.Prices, [], parts.Errors, parts.DataTimeMs);
    }

    /// <summary>
    /// GMX has no REST funding history: settled funding accrues per second on chain and is only queryable from the
    /// synthetics GraphQL indexer (Subsquid) or by replaying <c>fundingFeeAmountPerSize</c> (NOTES.md §6.1). Until an indexer
    /// source is added, the history the dashboard shows for GMX is the quotes this client polls.
    /// </summary>
    public Task<VenueHistory> GetHistoryAsync(Market market, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Task.FromResult(VenueHistory.Empty);

    private async Task<IReadOnlyDictionary<string, GmxToken>> TokensForAsync(JsonElement marketsInfo, CancellationToken cancellationToken)
    {
        var known = _tokens;
        var missing = IndexTokens(marketsInfo).Where(t => !known.ContainsKey(t)).ToList();
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var recentlyFetched = now - Interlocked.Read(ref _tokensFetchedAtMs) < (long)TokenRefreshMinInterval.TotalMilliseconds;
        if (known.Count > 0 && (missing.Count == 0 || (recentlyFetched && missing.All(_missingAtFetch.Contains)))) return known;

        using var doc = await _http.GetJsonAsync(TokensPath, cancellationToken).ConfigureAwait(false);
        _tokens = known = GmxParser.ParseTokens(doc.RootElement);
        _missingAtFetch = IndexTokens(marketsInfo).Where(t => !known.ContainsKey(t)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Interlocked.Exchange(ref _tokensFetchedAtMs, now);
        return known;
    }

    private static IEnumerable<string> IndexTokens(JsonElement marketsInfo) =>
        marketsInfo.TryGetProperty("markets", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray()
                .Select(m => m.ValueKind == JsonValueKind.Object && m.TryGetProperty("indexToken", out var t) ? t.GetString() : null)
                .OfType<string>()
                .Where(t => !t.StartsWith("0x000000000000", StringComparison.Ordinal))
            : [];
}
