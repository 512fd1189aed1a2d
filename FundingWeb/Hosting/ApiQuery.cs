using System.Globalization;
using FundingWeb.Core.Funding;
using FundingWeb.Model;

namespace FundingWeb.Hosting;

/// <summary>
/// The validated query of a read-API request. Parsing is strict where the pages are lenient: a script that misspells
/// a value or a parameter hears about it (400 naming the parameter) instead of silently getting the defaults.
/// </summary>
public sealed record ApiQuery(
    string Asset, IReadOnlySet<string> Venues, FundingKind Kind, long FromMs, long ToMs, string RangeLabel, RateBasis Basis, bool Csv)
{
    public const string KindParameter = "kind";
    public const string FormatParameter = "format";

    /// <summary>Parses <paramref name="query"/>; <paramref name="allowed"/> lists the parameters this endpoint takes.</summary>
    public static ApiQueryResult Parse(IQueryCollection query, IReadOnlySet<string> allowed, IReadOnlyCollection<string> knownVenues, DateTimeOffset now)
    {
        foreach (var key in query.Keys)
        {
            if (!allowed.Contains(key)) return Fail(key, $"Unknown parameter '{key}'. This endpoint takes: {string.Join(", ", allowed.Order())}.");
            if (query[key].Count > 1) return Fail(key, $"Parameter '{key}' is given more than once.");
        }
        string? Get(string name) => query.TryGetValue(name, out var v) ? v.ToString() : null;

        var asset = Get(FundingUrls.AssetParameter)?.Trim();
        if (string.IsNullOrEmpty(asset)) return Fail(FundingUrls.AssetParameter, "Parameter 'asset' is required, e.g. asset=BTC.");
        if (!FundingUrls.IsAssetName(asset)) return Fail(FundingUrls.AssetParameter, "Parameter 'asset' must be 1-32 letters, digits, '.', '_' or '-'.");

        var venueParameter = allowed.Contains(FundingUrls.VenuesParameter) ? FundingUrls.VenuesParameter : FundingUrls.VenueParameter;
        var venues = FundingUrls.ParseVenues(Get(venueParameter));
        if (venueParameter == FundingUrls.VenueParameter && venues.Count > 1)
            return Fail(venueParameter, "Parameter 'venue' takes one venue id.");
        var unknown = venues.Where(v => !knownVenues.Contains(v, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
            return Fail(venueParameter, $"Unknown venue '{unknown[0]}' in parameter '{venueParameter}'. Known venues: {string.Join(", ", knownVenues.Order())}.");

        var kind = FundingKind.Settled;
        switch (Get(KindParameter)?.Trim().ToLowerInvariant())
        {
            case null or "settled": break;
            case "quoted": kind = FundingKind.Quoted; break;
            default: return Fail(KindParameter, "Parameter 'kind' must be 'quoted' or 'settled'.");
        }

        var basis = RateBasis.Apr;
        if (Get(FundingUrls.BasisParameter) is { } basisText && !FundingBasis.TryParse(basisText, out basis))
            return Fail(FundingUrls.BasisParameter, "Parameter 'basis' must be one of 1h, 8h, apr, apy.");

        var csv = false;
        switch (Get(FormatParameter)?.Trim().ToLowerInvariant())
        {
            case null or "json": break;
            case "csv": csv = true; break;
            default: return Fail(FormatParameter, "Parameter 'format' must be 'json' or 'csv'.");
        }

        var range = Get(FundingUrls.RangeParameter);
        var from = Get(FundingUrls.FromParameter);
        var to = Get(FundingUrls.ToParameter);
        long fromMs, toMs;
        string label;
        if (from is not null || to is not null)
        {
            if (range is not null) return Fail(FundingUrls.RangeParameter, "Give either 'range' or 'from' and 'to', not both.");
            if (!TryParseTime(from, out var f)) return Fail(FundingUrls.FromParameter, "Parameter 'from' must be an ISO-8601 UTC time, e.g. 2025-01-01T00:00:00Z.");
            if (!TryParseTime(to, out var t)) return Fail(FundingUrls.ToParameter, "Parameter 'to' must be an ISO-8601 UTC time, e.g. 2025-01-08T00:00:00Z.");
            if (f >= t) return Fail(FundingUrls.FromParameter, "Parameter 'from' must be before 'to'.");
            (fromMs, toMs) = (f.ToUnixTimeMilliseconds(), t.ToUnixTimeMilliseconds());
            label = TimeRange.Custom(f, t).Label;
        }
        else
        {
            var preset = range is null ? TimeRange.Default : TimeRange.Presets.FirstOrDefault(p => string.Equals(p.Token, range.Trim(), StringComparison.OrdinalIgnoreCase));
            if (preset is null) return Fail(FundingUrls.RangeParameter, $"Parameter 'range' must be one of {string.Join(", ", TimeRange.Presets.Select(p => p.Token))}.");
            var (f, t) = preset.Resolve(now);
            (fromMs, toMs) = (f.ToUnixTimeMilliseconds(), t.ToUnixTimeMilliseconds());
            label = preset.Token;
        }

        return new ApiQueryResult(new ApiQuery(asset.ToUpperInvariant(), venues, kind, fromMs, toMs, label, basis, csv), null);
    }

    private static bool TryParseTime(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);

    private static ApiQueryResult Fail(string parameter, string message) => new(null, new ApiError(parameter, message));
}

/// <summary>The body of every 400: the parameter at fault and what it should be.</summary>
public sealed record ApiError(string Parameter, string Message);

public sealed record ApiQueryResult(ApiQuery? Query, ApiError? Error);
