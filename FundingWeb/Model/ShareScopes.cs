using FundingWeb.Core.Funding;
using FundingWeb.Core.Sharing;

namespace FundingWeb.Model;

/// <summary>A view's state saved into a share link and back, and the link's own URL (built here like every link).</summary>
public static class ShareScopes
{
    public const string SharePathPrefix = "/s/";

    public static string ShareUrl(string token) => SharePathPrefix + token;

    /// <summary>Relative ranges are saved as their token, so a shared "7d" keeps moving with time.</summary>
    public static ShareScope FromView(string path, ViewState state, ShareExtras? extras = null) => new(
        path,
        state.Asset,
        state.Venues.Order(StringComparer.Ordinal).ToList(),
        state.Range.Token,
        state.Range.IsCustom ? state.Range.From!.Value.ToUnixTimeMilliseconds() : null,
        state.Range.IsCustom ? state.Range.To!.Value.ToUnixTimeMilliseconds() : null,
        FundingBasis.Token(state.Basis),
        state.Window,
        state.Venue,
        extras);

    public static ViewState ToView(ShareScope scope)
    {
        var range = scope is { RangeToken: "custom", RangeFromMs: { } from, RangeToMs: { } to }
            ? TimeRange.Custom(DateTimeOffset.FromUnixTimeMilliseconds(from), DateTimeOffset.FromUnixTimeMilliseconds(to))
            : TimeRange.Parse(scope.RangeToken, null, null);
        FundingBasis.TryParse(scope.Basis, out var basis);
        return new ViewState(scope.Asset, scope.Venues.ToHashSet(StringComparer.OrdinalIgnoreCase), range, basis, scope.Window, scope.Venue);
    }

    /// <summary>The dashboard URL the scope describes (for the admin list; the share page itself never links there).</summary>
    public static string ViewUrl(ShareScope scope) => scope.PageExtras.IsEmpty
        ? FundingUrls.ForPath(scope.Path, ToView(scope))
        : Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(FundingUrls.ForPath(scope.Path, ToView(scope)),
            scope.PageExtras.Pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));
}
