using System.Text;
using FundingWeb.Core.Exports;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Storage;
using FundingWeb.Model;
using FundingWeb.Polling;

namespace FundingWeb.Hosting;

/// <summary>
/// Read API for analysts who script. Every endpoint takes <c>asset</c> (required), <c>range</c> (1h…1y, default 7d) or
/// <c>from</c>+<c>to</c> (ISO-8601 UTC), <c>format</c> json (default) or csv. A bad or unknown parameter answers 400
/// with <see cref="ApiError"/>; more than <see cref="ReadApiOptions.MaxRows"/> rows answers 400 asking for a shorter
/// range or fewer venues (quoted funding is already averaged into at most 4,000 time buckets per market); nothing
/// found answers 200 with an empty <c>rows</c> array or a header-only CSV. Values are fractions, never percent.
/// </summary>
public static class ReadApiEndpoints
{
    private static readonly IReadOnlySet<string> FundingParameters = Names(FundingUrls.VenuesParameter, ApiQuery.KindParameter, FundingUrls.BasisParameter);
    private static readonly IReadOnlySet<string> OpenInterestParameters = Names(FundingUrls.VenuesParameter);
    private static readonly IReadOnlySet<string> LiquidationParameters = Names(FundingUrls.VenueParameter);

    public static IEndpointRouteBuilder MapFundingApi(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IConfiguration>().GetSection("Api").Get<ReadApiOptions>() ?? new ReadApiOptions();
        var api = endpoints.MapGroup("/api");
        // With team sign-in on, the API is part of the dashboard: it answers signed-in users only (401, never a redirect).
        if (endpoints.ServiceProvider.GetRequiredService<IConfiguration>().GetValue<bool>("Auth:Enabled")) api.RequireAuthorization();
        api.MapGet("/funding", (HttpRequest request, HistoryQueries history, VenueClientCatalog catalog, TimeProvider time, CancellationToken ct) =>
            Serve(request, FundingParameters, catalog, time, options, async q =>
            {
                var rows = await history.GetFundingRowsAsync(q.Asset, q.Kind, q.Venues, q.FromMs, q.ToMs, options.MaxRows + 1, ct);
                return (rows.Count, () => FundingResult(q, rows, catalog));
            }));
        api.MapGet("/open-interest", (HttpRequest request, HistoryQueries history, VenueClientCatalog catalog, TimeProvider time, CancellationToken ct) =>
            Serve(request, OpenInterestParameters, catalog, time, options, async q =>
            {
                var rows = await history.GetOpenInterestRowsAsync(q.Asset, q.Venues, q.FromMs, q.ToMs, options.MaxRows + 1, ct);
                return (rows.Count, () => OpenInterestResult(q, rows, catalog));
            }));
        api.MapGet("/liquidations", (HttpRequest request, HistoryQueries history, VenueClientCatalog catalog, TimeProvider time, CancellationToken ct) =>
            Serve(request, LiquidationParameters, catalog, time, options, async q =>
            {
                var rows = await history.GetLiquidationRowsAsync(q.Asset, q.Venues, q.FromMs, q.ToMs, options.MaxRows + 1, ct);
                return (rows.Count, () => LiquidationResult(q, rows, catalog));
            }));
        return endpoints;
    }

    private static async Task<IResult> Serve(HttpRequest request, IReadOnlySet<string> parameters, VenueClientCatalog catalog, TimeProvider time,
        ReadApiOptions options, Func<ApiQuery, Task<(int Count, Func<IResult> Result)>> read)
    {
        var parsed = ApiQuery.Parse(request.Query, parameters, catalog.Targets.Select(t => t.Client.Venue.Id).ToList(), time.GetUtcNow());
        if (parsed.Error is { } error) return Results.BadRequest(error);
        var (count, result) = await read(parsed.Query!);
        if (count > options.MaxRows)
        {
            return Results.BadRequest(new ApiError(FundingUrls.RangeParameter,
                $"The request matches more than {options.MaxRows} rows. Ask for a shorter range or fewer venues, or use kind=quoted (averaged into time buckets)."));
        }
        return result();
    }

    private static IResult FundingResult(ApiQuery q, IReadOnlyList<FundingPoint> rows, VenueClientCatalog catalog)
    {
        var basis = FundingBasis.Token(q.Basis);
        if (!q.Csv)
        {
            return Results.Json(new FundingResponse(q.Asset, Kind(q), basis, "fraction", Time(q.FromMs), Time(q.ToMs), rows.Count,
                rows.Select(r => new FundingRowJson(Time(r.TimeMs), r.TimeMs, r.Venue, r.Symbol, Finite(FundingBasis.FromRate1h(r.Rate1h, q.Basis)), r.Rate1h, r.IntervalHours)).ToList()));
        }
        return Csv(q, "funding", Header(q, catalog, basis, "fraction"), ["time_utc", "venue", "symbol", "value", "rate_1h", "interval_hours"], csv =>
        {
            foreach (var r in rows)
                csv.Time(r.TimeMs).Text(r.Venue).Text(r.Symbol).Number(FundingBasis.FromRate1h(r.Rate1h, q.Basis)).Number(r.Rate1h).Number(r.IntervalHours).EndRow();
        });
    }

    private static IResult OpenInterestResult(ApiQuery q, IReadOnlyList<OpenInterestPoint> rows, VenueClientCatalog catalog)
    {
        if (!q.Csv)
        {
            return Results.Json(new OpenInterestResponse(q.Asset, "usd", Time(q.FromMs), Time(q.ToMs), rows.Count,
                rows.Select(r => new OpenInterestRowJson(Time(r.TimeMs), r.TimeMs, r.Venue, r.Symbol, r.Base, r.Usd, r.LongUsd, r.ShortUsd)).ToList()));
        }
        return Csv(q, "open-interest", Header(q, catalog, "none", "usd (base in the asset)"), ["time_utc", "venue", "symbol", "base", "usd", "long_usd", "short_usd"], csv =>
        {
            foreach (var r in rows) csv.Time(r.TimeMs).Text(r.Venue).Text(r.Symbol).Number(r.Base).Number(r.Usd).Number(r.LongUsd).Number(r.ShortUsd).EndRow();
        });
    }

    private static IResult LiquidationResult(ApiQuery q, IReadOnlyList<VenueLiquidation> rows, VenueClientCatalog catalog)
    {
        static string Side(Core.Liquidations.LiquidationSide side) => side.ToString().ToLowerInvariant();
        if (!q.Csv)
        {
            return Results.Json(new LiquidationResponse(q.Asset, "usd", Time(q.FromMs), Time(q.ToMs), rows.Count,
                rows.Select(r => new LiquidationRowJson(Time(r.Event.TimeMs), r.Event.TimeMs, r.Venue, r.Event.Symbol, r.Event.Id, Side(r.Event.Side),
                    r.Event.Price, r.Event.SizeBase, r.Event.NotionalUsd, r.Event.Kind)).ToList()));
        }
        return Csv(q, "liquidations", Header(q, catalog, "none", "usd (size in the asset)"), ["time_utc", "venue", "symbol", "id", "side", "price", "size_base", "notional_usd", "kind"], csv =>
        {
            foreach (var r in rows)
                csv.Time(r.Event.TimeMs).Text(r.Venue).Text(r.Event.Symbol).Text(r.Event.Id).Text(Side(r.Event.Side))
                    .Number(r.Event.Price).Number(r.Event.SizeBase).Number(r.Event.NotionalUsd).Text(r.Event.Kind).EndRow();
        });
    }

    private static CsvHeader Header(ApiQuery q, VenueClientCatalog catalog, string basis, string unit)
    {
        var names = catalog.Targets.Select(t => t.Client.Venue).Where(v => q.Venues.Count == 0 || q.Venues.Contains(v.Id)).Select(v => v.Name);
        return new CsvHeader(string.Join("; ", names), q.Asset, basis, unit, q.RangeLabel);
    }

    private static IResult Csv(ApiQuery q, string what, CsvHeader header, string[] columns, Action<CsvWriter> writeRows)
    {
        var text = new StringWriter(new StringBuilder());
        var csv = new CsvWriter(text);
        csv.Header(header);
        csv.Row(columns);
        writeRows(csv);
        var fileName = CsvZip.SafeName($"{what}-{q.Asset}-{(q.Kind == FundingKind.Quoted && what == "funding" ? "quoted-" : "")}{q.RangeLabel}");
        return Results.File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", fileName);
    }

    // A compounded APR of an absurd hourly rate overflows; JSON has no infinity, so it is null (and an empty CSV cell).
    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static string Kind(ApiQuery q) => q.Kind == FundingKind.Quoted ? "quoted" : "settled";

    private static string Time(long ms) => CsvFormat.Time(ms);

    private static IReadOnlySet<string> Names(params string[] extra) =>
        new HashSet<string>([FundingUrls.AssetParameter, FundingUrls.RangeParameter, FundingUrls.FromParameter, FundingUrls.ToParameter, ApiQuery.FormatParameter, .. extra],
            StringComparer.OrdinalIgnoreCase);

    private sealed record FundingResponse(string Asset, string Kind, string Basis, string Unit, string From, string To, int Count, IReadOnlyList<FundingRowJson> Rows);
    private sealed record FundingRowJson(string Time, long TimeMs, string Venue, string Symbol, double? Value, double Rate1h, double IntervalHours);
    private sealed record OpenInterestResponse(string Asset, string Unit, string From, string To, int Count, IReadOnlyList<OpenInterestRowJson> Rows);
    private sealed record OpenInterestRowJson(string Time, long TimeMs, string Venue, string Symbol, double Base, double Usd, double? LongUsd, double? ShortUsd);
    private sealed record LiquidationResponse(string Asset, string Unit, string From, string To, int Count, IReadOnlyList<LiquidationRowJson> Rows);
    private sealed record LiquidationRowJson(string Time, long TimeMs, string Venue, string Symbol, string Id, string Side, double Price, double SizeBase, double NotionalUsd, string Kind);
}
