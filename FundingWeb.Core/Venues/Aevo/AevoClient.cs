using System.Collections.Concurrent;
using FundingWeb.Core.Funding;
using FundingWeb.Core.OpenInterest;
using FundingWeb.Core.Prices;
using FundingWeb.Core.Venues.Http;

namespace FundingWeb.Core.Venues.Aevo;

/// <summary>
/// Aevo (OP-stack L2) over its public REST API. A poll reads <c>/markets</c> once (discovery, mark, index for all
/// perpetuals) and then, within its request budget, <c>/funding</c> + <c>/statistics</c> for the next instruments in
/// rotation, plus <c>/funding-history</c> for an instrument whose hourly settlement has not been picked up yet.
/// </summary>
public sealed class AevoClient : IVenueClient
{
    public const string DefaultBaseUrl = "https://api.aevo.xyz";

    /// <summary>False: the field-to-1h mapping is [I] in NOTES §0.1/§5.2 (see <see cref="AevoConvention"/>).</summary>
    public const bool UnitVerified = false;

    public const string UnitNote =
        "Aevo pays funding hourly; funding_rate is read as a fraction per 1 h (its docs define Capped 1H = Capped 8H / funding interval, but the field mapping is inferred from third-party clients, not verified).";

    /// <summary>The documented maximum rows per <c>/funding-history</c> call.</summary>
    public const int HistoryPageLimit = 50;

    private const long HourMs = 3_600_000;
    private const string MarketsPath = "markets?instrument_type=PERPETUAL";

    private readonly VenueHttp _http;
    private readonly VenueOptions _options;
    private readonly TimeProvider _time;
    private readonly AevoRotation _rotation = new();
    private readonly ConcurrentDictionary<string, long> _settledThroughNs = new(StringComparer.Ordinal);

    public AevoClient(HttpClient http, VenueOptions options, TimeProvider timeProvider)
    {
        _http = new VenueHttp(http, options, timeProvider);
        _options = options;
        _time = timeProvider;
        Convention = AevoConvention.From(options);
        Venue = new VenueInfo(VenueIds.Aevo, "Aevo", options.RollupKind, options.WithdrawalDelay, options.TakerFee, IsSimulated: false);
    }

    public VenueInfo Venue { get; }

    public AevoConvention Convention { get; }

    public async Task<VenuePoll> PollAsync(CancellationToken cancellationToken)
    {
        var errors = new List<MarketError>();
        IReadOnlyList<AevoInstrument> instruments;
        using (var marketsDoc = await _http.GetJsonAsync(MarketsPath, cancellationToken).ConfigureAwait(false))
        {
            instruments = AevoParser.ParseMarkets(marketsDoc.RootElement, errors);
        }
        var fetchedAt = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var funding = new List<RawFundingRate>();
        var openInterest = new List<OpenInterestObservation>();
        var failed = new HashSet<string>(StringComparer.Ordinal);

        var byName = instruments.ToDictionary(i => i.Name, StringComparer.Ordinal);
        var budget = AevoRotation.RequestsPerPoll(_options) - 1;
        var statistics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var name in _rotation.Order(instruments.Where(i => i.IsActive).Select(i => i.Name)))
        {
            var instrument = byName[name];
            var cost = 1 + (statistics.ContainsKey(instrument.BaseAsset) ? 0 : 1);
            if (cost > budget) break;
            // The settlement fetch rides along only when the budget has room, so a tight budget still moves the rotation.
            var settledDue = SettledDue(name, fetchedAt) && cost + 1 <= budget;
            budget -= cost + (settledDue ? 1 : 0);
            _rotation.Refreshed(name);
            try
            {
                funding.Add(await QuoteAsync(instrument, fetchedAt, cancellationToken).ConfigureAwait(false));
                if (!statistics.TryGetValue(instrument.BaseAsset, out var oiBase))
                {
                    statistics[instrument.BaseAsset] = oiBase = await OpenInterestBaseAsync(instrument.BaseAsset, cancellationToken).ConfigureAwait(false);
                }
                openInterest.Add(new OpenInterestObservation(name, fetchedAt, oiBase, oiBase * instrument.Mark));
                if (settledDue) funding.AddRange(await NewSettlementsAsync(name, fetchedAt, cancellationToken).ConfigureAwait(false));
            }
            catch (FormatException ex)
            {
                errors.Add(new MarketError(name, ex.Message));
                failed.Add(name);
                funding.RemoveAll(f => f.Symbol == name);
                openInterest.RemoveAll(o => o.Symbol == name);
            }
        }

        var ok = instruments.Where(i => !failed.Contains(i.Name)).ToList();
        return new VenuePoll(
            fetchedAt,
            ok.Select(ToMarket).ToList(),
            funding,
            openInterest,
            ok.Select(i => new PriceObservation(i.Name, fetchedAt, i.Mark, i.Index)).ToList(),
            [],
            errors);
    }

    // No FundingCap: Aevo's docs clamp the 8h rate to a ceiling and floor (NOTES §5.2) but publish no values, and no
    // endpoint we read carries them.
    private Market ToMarket(AevoInstrument i) => new(VenueIds.Aevo, i.Name, i.BaseAsset, Convention.IntervalHours, i.MaxLeverage,
        i.MaintenanceMargin, i.IsActive ? MarketStatus.Active : MarketStatus.Paused);

    private async Task<RawFundingRate> QuoteAsync(AevoInstrument instrument, long fetchedAt, CancellationToken cancellationToken)
    {
        var path = "funding?instrument_name=" + Uri.EscapeDataString(instrument.Name);
        using var doc = await _http.GetJsonAsync(path, cancellationToken).ConfigureAwait(false);
        try
        {
            var (rate, _) = AevoParser.ParseFunding(doc.RootElement);
            return new RawFundingRate(instrument.Name, fetchedAt, FundingKind.Quoted, rate, Convention.IntervalHours, Convention.Unit,
                Source: _http.Describe(path) + " funding_rate");
        }
        catch (FormatException ex)
        {
            throw new FormatException("/funding: " + ex.Message, ex);
        }
    }

    private async Task<double> OpenInterestBaseAsync(string asset, CancellationToken cancellationToken)
    {
        using var doc = await _http.GetJsonAsync($"statistics?asset={Uri.EscapeDataString(asset)}&instrument_type=PERPETUAL", cancellationToken)
            .ConfigureAwait(false);
        try
        {
            return AevoParser.ParseOpenInterestBase(doc.RootElement);
        }
        catch (FormatException ex)
        {
            throw new FormatException("/statistics: " + ex.Message, ex);
        }
    }

    // The first sighting only sets the watermark at the current hour: older settlements are GetHistoryAsync's job
    // (the poller backfills gaps at start). After that, one /funding-history call per instrument per hour.
    private bool SettledDue(string name, long nowMs)
    {
        var hourNs = AevoTime.MsToNs(nowMs - nowMs % HourMs);
        var through = _settledThroughNs.GetOrAdd(name, hourNs);
        return through < hourNs;
    }

    private async Task<IReadOnlyList<RawFundingRate>> NewSettlementsAsync(string name, long nowMs, CancellationToken cancellationToken)
    {
        var through = _settledThroughNs[name];
        var path = $"funding-history?instrument_name={Uri.EscapeDataString(name)}&start_time={through + 1}&end_time={AevoTime.MsToNs(nowMs)}&limit={HistoryPageLimit}";
        using var doc = await _http.GetJsonAsync(path, cancellationToken).ConfigureAwait(false);
        var rows = AevoParser.ParseHistory(doc.RootElement).Rows.Where(r => r.TimeNs > through).ToList();
        if (rows.Count > 0) _settledThroughNs[name] = rows.Max(r => r.TimeNs);
        return ToSettled(name, rows);
    }

    public async Task<VenueHistory> GetHistoryAsync(Market market, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var fromNs = AevoTime.MsToNs(from.ToUnixTimeMilliseconds());
        var toNs = AevoTime.MsToNs(to.ToUnixTimeMilliseconds());
        var (startNs, endNs) = (fromNs, toNs);
        var rows = new SortedDictionary<long, AevoFundingRow>();
        // Each page holds at most 50 hourly rows; the bound only stops a venue that never moves its window.
        var maxPages = (int)Math.Min(10_000, (to - from).TotalHours / HistoryPageLimit + 10);

        var pages = new HistoryPages();
        for (var page = 0; page < maxPages && startNs <= endNs; page++)
        {
            var path = $"funding-history?instrument_name={Uri.EscapeDataString(market.Symbol)}&start_time={startNs}&end_time={endNs}&limit={HistoryPageLimit}";
            // Each page narrows the window from one end, so a failed page leaves its whole window unread.
            var pageRows = await pages.ReadAsync(async () =>
            {
                using var doc = await _http.GetJsonAsync(path, cancellationToken).ConfigureAwait(false);
                return AevoParser.ParseHistory(doc.RootElement).Rows;
            }, AevoTime.NsToMs(startNs), AevoTime.NsToMs(endNs)).ConfigureAwait(false);
            if (pageRows is null) break;
            foreach (var row in pageRows.Where(r => r.TimeNs >= fromNs && r.TimeNs <= toNs)) rows[row.TimeNs] = row;
            if (pageRows.Count < HistoryPageLimit) break;
            var (oldest, newest) = (pageRows.Min(r => r.TimeNs), pageRows.Max(r => r.TimeNs));
            if (oldest == newest) break;
            // NOTES §5.1: pages come newest first and the next window ends just before the oldest row seen. The order
            // is [D], so a page that arrives oldest first moves the window's start forward instead of losing the rest.
            if (pageRows[0].TimeNs > pageRows[^1].TimeNs) endNs = oldest - 1;
            else startNs = newest + 1;
        }
        return new VenueHistory(ToSettled(market.Symbol, rows.Values), []) { Gaps = pages.Gaps };
    }

    private List<RawFundingRate> ToSettled(string name, IEnumerable<AevoFundingRow> rows)
    {
        var source = _http.Describe("funding-history") + " funding_history[][2]";
        return rows.OrderBy(r => r.TimeNs)
            .Select(r => new RawFundingRate(name, r.TimeMs, FundingKind.Settled, r.Rate, Convention.IntervalHours, Convention.Unit, Source: source))
            .ToList();
    }
}
