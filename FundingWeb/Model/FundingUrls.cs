using System.Globalization;
using FundingWeb.Core.Funding;
using Microsoft.AspNetCore.Http;

namespace FundingWeb.Model;

/// <summary>Every link in the app is built here, so a view's state always round-trips through its URL.</summary>
public static class FundingUrls
{
    public const string AssetParameter = "asset";
    public const string VenuesParameter = "venues";
    public const string RangeParameter = "range";
    public const string FromParameter = "from";
    public const string ToParameter = "to";
    public const string BasisParameter = "basis";
    public const string WindowParameter = "window";
    public const string VenueParameter = "venue";

    public const string OverviewPath = "/";
    public const string FundingPath = "/funding";
    public const string OpenInterestPath = "/open-interest";
    public const string LiquidationsPath = "/liquidations";
    public const string SpreadsPath = "/spreads";
    public const string VenuesPath = "/venues";

    public static string Overview(RateBasis? basis = null, IEnumerable<string>? venues = null) =>
        Build(OverviewPath, ViewState.Default with { Basis = basis ?? RateBasis.Apr, Venues = venues?.ToHashSet() ?? [] }, includeRange: false);

    public static string Overview(ViewState state) => Build(OverviewPath, state, includeRange: false);
    public static string Funding(ViewState state) => Build(FundingPath, state);
    public static string OpenInterest(ViewState state) => Build(OpenInterestPath, state);
    public static string Liquidations(ViewState state) => Build(LiquidationsPath, state);
    public static string Spreads(ViewState state) => Build(SpreadsPath, state, includeRange: false);
    public static string Venues() => VenuesPath;

    /// <summary>The same state on another page (the nav keeps asset, venues, range and basis).</summary>
    public static string ForPath(string path, ViewState state) => Build(path, state, includeRange: path is not (OverviewPath or SpreadsPath or VenuesPath));

    public static ViewState Parse(string? asset, string? venues, string? range, string? from, string? to, string? basis, string? window = null, string? venue = null)
    {
        FundingBasis.TryParse(basis, out var b);
        return new ViewState(
            string.IsNullOrWhiteSpace(asset) ? null : asset.Trim().ToUpperInvariant(),
            ParseVenues(venues),
            TimeRange.Parse(range, from, to),
            b,
            string.IsNullOrWhiteSpace(window) ? null : window.Trim().ToLowerInvariant(),
            string.IsNullOrWhiteSpace(venue) ? null : venue.Trim().ToLowerInvariant());
    }

    /// <summary>Parses a comma-separated venue list from a URL; empty means all.</summary>
    public static IReadOnlySet<string> ParseVenues(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => v.ToLowerInvariant()).ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static string Build(string path, ViewState state, bool includeRange = true)
    {
        var query = new List<KeyValuePair<string, string?>>();
        if (state.Asset is { } asset) query.Add(new(AssetParameter, asset));
        if (state.Venues.Count > 0) query.Add(new(VenuesParameter, string.Join(',', state.Venues.Order(StringComparer.Ordinal))));
        if (includeRange)
        {
            if (state.Range.IsCustom)
            {
                query.Add(new(FromParameter, state.Range.From!.Value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)));
                query.Add(new(ToParameter, state.Range.To!.Value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)));
            }
            else if (state.Range != TimeRange.Default)
            {
                query.Add(new(RangeParameter, state.Range.Token));
            }
        }
        if (state.Basis != RateBasis.Apr) query.Add(new(BasisParameter, FundingBasis.Token(state.Basis)));
        if (state.Window is { } window) query.Add(new(WindowParameter, window));
        if (state.Venue is { } venue) query.Add(new(VenueParameter, venue));
        return query.Count == 0 ? path : QueryString.Create(query).ToUriComponent() is var q ? path + q : path;
    }
}
