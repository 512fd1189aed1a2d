using FundingWeb.Core.Sharing;

namespace FundingWeb.Model;

/// <summary>One share link as the admin grid lists it, flat so each column sorts and filters on what it prints.</summary>
/// <param name="State">What the owner set (Active, Paused, Revoked); <see cref="StateLabel"/> also says when an active link has expired.</param>
public sealed record ShareLinkRow(
    long Id, string Label, string View, string ViewUrl, string Creator, long CreatedMs, long? LastOpenedMs, long? ExpiresMs, ShareLinkState State, bool Expired)
{
    public string Created => Display.Utc(CreatedMs, "yyyy-MM-dd HH:mm");
    public string LastOpened => LastOpenedMs is { } o ? Display.Utc(o, "yyyy-MM-dd HH:mm") : "never";
    public string Expires => ExpiresMs is { } e ? Display.Utc(e, "yyyy-MM-dd HH:mm") : "never";

    public string StateLabel => State == ShareLinkState.Active && Expired ? "Expired" : State.ToString();

    /// <summary>Pause and resume only while it can still open; revoke until it is revoked.</summary>
    public bool CanPause => State == ShareLinkState.Active && !Expired;
    public bool CanResume => State == ShareLinkState.Paused && !Expired;
    public bool CanRevoke => State != ShareLinkState.Revoked;

    public static ShareLinkRow From(ShareLink link, long nowMs) => new(
        link.Id, link.Label, Describe(link.Scope), ShareScopes.ViewUrl(link.Scope), link.Creator,
        link.CreatedMs, link.LastOpenedMs, link.ExpiresMs, link.State, link.IsExpired(nowMs));

    private static readonly Dictionary<string, (string Name, bool HasRange)> Pages = new(StringComparer.OrdinalIgnoreCase)
    {
        [FundingUrls.OverviewPath] = ("Overview", false),
        [FundingUrls.FundingPath] = ("Funding", true),
        [FundingUrls.OpenInterestPath] = ("Open interest", true),
        [FundingUrls.LiquidationsPath] = ("Liquidations", true),
        [FundingUrls.SpreadsPath] = ("Spreads", false),
        [FundingUrls.VenuesPath] = ("Venues", false),
        [FundingUrls.PortfolioPath] = ("Portfolio", false),
    };

    /// <summary>"Funding · ETH · 7d · dydx", "Portfolio · 3 positions": the page by name and what the link fixes of it.</summary>
    public static string Describe(ShareScope scope)
    {
        var (name, hasRange) = Pages.GetValueOrDefault(scope.Path, (scope.Path, true));
        var parts = new List<string> { name };
        if (!string.IsNullOrWhiteSpace(scope.Asset)) parts.Add(scope.Asset);
        if (hasRange) parts.Add(ShareScopes.ToView(scope).Range.Label);
        if (scope.Venues.Count > 0) parts.Add(string.Join(", ", scope.Venues));
        if (PageShareExtras.Describe(scope.PageExtras) is { } extras) parts.Add(extras);
        return string.Join(" · ", parts);
    }
}
