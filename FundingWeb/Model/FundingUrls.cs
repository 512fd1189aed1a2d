using System.Globalization;
using System.Text.RegularExpressions;
using FundingWeb.Core.Funding;
using Microsoft.AspNetCore.Http;

namespace FundingWeb.Model;

/// <summary>Every link in the app is built here, so a view's state always round-trips through its URL.</summary>
public static partial class FundingUrls
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
    public const string PortfolioPath = PortfolioQuery.Path;

    public static string Overview(RateBasis? basis = null, IEnumerable<string>? venues = null) =>
        Build(OverviewPath, ViewState.Default with { Basis = basis ?? RateBasis.Apr, Venues = venues?.ToHashSet() ?? [] }, includeRange: false);

    public static string Overview(ViewState state) => Build(OverviewPath, state, includeRange: false);
    public static string Funding(ViewState state) => Build(FundingPath, state);
    public static string OpenInterest(ViewState state) => Build(OpenInterestPath, state);
    public static string Liquidations(ViewState state) => Build(LiquidationsPath, state);
    public static string Spreads(ViewState state) => Build(SpreadsPath, state, includeRange: false);

    /// <summary>Spreads with the notional the slippage columns walk the books for (left out at the default).</summary>
    public static string Spreads(ViewState state, double notionalUsd)
    {
        var url = Spreads(state);
        if (notionalUsd == SpreadsPageModel.DefaultNotionalUsd || !double.IsFinite(notionalUsd)) return url;
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(url, SpreadsPageModel.NotionalParameter, notionalUsd.ToString("R", CultureInfo.InvariantCulture));
    }
    public static string Venues() => VenuesPath;

    /// <summary>The Venues page with its venue chips and its history range (1h, 24h or 7d as links).</summary>
    public static string Venues(ViewState state) => Build(VenuesPath, state with { Asset = null, Basis = RateBasis.Apr, Window = null, Venue = null });

    /// <summary>A book and its collateral (<see cref="PortfolioQuery"/>): the whole stress is in the link.</summary>
    public static string Portfolio(PortfolioQuery query) => query.ToUrl();

    /// <summary>The same state on another page (the nav keeps asset, venues, range and basis).</summary>
    public static string ForPath(string path, ViewState state) => Build(path, state, includeRange: path is not (OverviewPath or SpreadsPath or VenuesPath));

    /// <summary>The most venues a link may name: more than any deployment runs, fewer than a flood.</summary>
    public const int MaxVenues = 32;

    /// <summary>
    /// The view a URL asks for. Lenient like a page should be: a value that cannot be used falls back to the default and
    /// adds a <see cref="ViewNotice"/> saying so, so nothing malformed reaches a query, a CSV or a link.
    /// </summary>
    public static ViewState Parse(string? asset, string? venues, string? range, string? from, string? to, string? basis, string? window = null, string? venue = null)
    {
        var notices = new List<ViewNotice>();
        string? assetName = null;
        if (!string.IsNullOrWhiteSpace(asset))
        {
            if (IsAssetName(asset.Trim())) assetName = asset.Trim().ToUpperInvariant();
            else notices.Add(new(AssetParameter, "The asset in the link is not an asset name (1-32 letters, digits, '.', '_' or '-'): showing the asset with the most open interest."));
        }

        var venueIds = ParseVenues(venues);
        var validVenues = venueIds.Where(IsVenueId).Take(MaxVenues).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (validVenues.Count < venueIds.Count) notices.Add(new(VenuesParameter, "Some venues in the link are not venue ids and are left out."));

        var timeRange = TimeRange.Parse(range, from, to);
        var rangeGiven = !string.IsNullOrWhiteSpace(range) || !string.IsNullOrWhiteSpace(from) || !string.IsNullOrWhiteSpace(to);
        if (rangeGiven && timeRange == TimeRange.Default && !string.Equals(range, TimeRange.Default.Token, StringComparison.OrdinalIgnoreCase))
        {
            notices.Add(new(RangeParameter, $"The range in the link is neither one of {string.Join(", ", TimeRange.Presets.Select(p => p.Token))} nor a from before a to (ISO-8601 UTC): showing {TimeRange.Default.Token}."));
        }

        if (!FundingBasis.TryParse(basis, out var b) && !string.IsNullOrWhiteSpace(basis))
        {
            notices.Add(new(BasisParameter, "The basis in the link is not one of 1h, 8h, apr, apy: showing APR."));
        }

        string? windowToken = null;
        if (!string.IsNullOrWhiteSpace(window))
        {
            if (IsWindowToken(window.Trim())) windowToken = window.Trim().ToLowerInvariant();
            else notices.Add(new(WindowParameter, "The window in the link is not a window: showing the page's default."));
        }

        string? venueId = null;
        if (!string.IsNullOrWhiteSpace(venue))
        {
            if (IsVenueId(venue.Trim())) venueId = venue.Trim().ToLowerInvariant();
            else notices.Add(new(VenueParameter, "The venue in the link is not a venue id: showing every venue."));
        }

        return new ViewState(assetName, validVenues, timeRange, b, windowToken, venueId, notices.Count == 0 ? null : notices);
    }

    /// <summary>Parses a comma-separated venue list from a URL; empty means all.</summary>
    public static IReadOnlySet<string> ParseVenues(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => v.ToLowerInvariant()).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>1-32 letters, digits, '.', '_' or '-': every venue's base asset fits, and nothing that could be a formula or markup does.</summary>
    public static bool IsAssetName(string? value) => value is not null && AssetPattern().IsMatch(value);

    /// <summary>A venue id as the app names venues: a letter or digit, then up to 31 letters, digits, '_' or '-'.</summary>
    public static bool IsVenueId(string? value) => value is not null && VenuePattern().IsMatch(value);

    private static bool IsWindowToken(string value) => WindowPattern().IsMatch(value);

    // \z, not $: $ also matches before a final newline, which would let "BTC\n" through.
    [GeneratedRegex(@"^[A-Za-z0-9._-]{1,32}\z")]
    private static partial Regex AssetPattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}\z")]
    private static partial Regex VenuePattern();

    [GeneratedRegex(@"^[A-Za-z0-9]{1,8}\z")]
    private static partial Regex WindowPattern();

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
