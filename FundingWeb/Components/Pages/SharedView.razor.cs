using FundingWeb.Core.Sharing;
using FundingWeb.Model;
using Microsoft.AspNetCore.Components;

namespace FundingWeb.Components.Pages;

/// <summary>
/// A shared link: the saved view, live and read-only. The scope comes from the database, never from the URL, so editing
/// the query string changes nothing. Pause and revoke reach open pages at once (service events); expiry by a timer.
/// </summary>
public partial class SharedView
{
    private static readonly Dictionary<string, Type> Pages = new(StringComparer.OrdinalIgnoreCase)
    {
        [FundingUrls.OverviewPath] = typeof(Overview),
        [FundingUrls.FundingPath] = typeof(Funding),
        [FundingUrls.OpenInterestPath] = typeof(OpenInterest),
        [FundingUrls.LiquidationsPath] = typeof(Liquidations),
        [FundingUrls.SpreadsPath] = typeof(Spreads),
        [FundingUrls.VenuesPath] = typeof(Venues),
        [FundingUrls.PortfolioPath] = typeof(Portfolio),
    };

    /// <summary>The pages a link can show, by path.</summary>
    public static IReadOnlyCollection<string> SharedPaths => Pages.Keys;

    private ShareContext? _context;
    private Type? _page;
    private bool _resolved;
    private IDisposable? _subscription;
    private ITimer? _expiry;
    private const long MaxWaitMs = 86_400_000;

    [Parameter] public string Token { get; set; } = "";
    [Inject] public required ShareLinkService Links { get; init; }
    [Inject] public required TimeProvider Time { get; init; }

    protected override async Task OnInitializedAsync()
    {
        _subscription = Links.Subscribe(() => _ = InvokeAsync(CheckAsync));
        await CheckAsync();
    }

    private async Task CheckAsync()
    {
        var resolution = await Links.ResolveAsync(Token, default);
        if (resolution is { Status: ShareResolutionStatus.Active, Link: { } link } && Pages.TryGetValue(link.Scope.Path, out var page))
        {
            var state = ShareScopes.ToView(link.Scope);
            var extras = link.Scope.PageExtras;
            if (_context?.State != state || _context.PageExtras != extras) _context = new ShareContext(state, link.Label, extras);
            _page = page;
            ArmExpiry(link.ExpiresMs);
        }
        else
        {
            _context = null;
            _page = null;
        }
        _resolved = true;
        StateHasChanged();
    }

    private void ArmExpiry(long? expiresMs)
    {
        _expiry?.Dispose();
        if (expiresMs is not { } at) return;
        // A timer cannot wait past ~49 days (and a far expiry overflows a TimeSpan): wait at most a day and check again,
        // which re-arms for the rest.
        var due = TimeSpan.FromMilliseconds(Math.Clamp(at - Time.GetUtcNow().ToUnixTimeMilliseconds(), 0, MaxWaitMs) + 50);
        _expiry = Time.CreateTimer(_ => _ = InvokeAsync(CheckAsync), null, due, Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _expiry?.Dispose();
    }
}
