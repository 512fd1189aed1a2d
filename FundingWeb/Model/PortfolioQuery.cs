using System.Globalization;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.Portfolio;
using Microsoft.AspNetCore.WebUtilities;

namespace FundingWeb.Model;

/// <summary>
/// A book and its cross-margin collateral as they live in the URL, so a stress can be pasted to a colleague:
/// <c>/portfolio?pos=hyperliquid:BTC:long:1000000:5&amp;pos=dydx:ETH:short:250000:20:iso&amp;col=hyperliquid:300000</c>.
/// A position is venue:asset:side:notional:leverage, with ":iso" for an isolated one; collateral is venue:usd; <c>delay</c>
/// (hours), when given, is the user's exit delay for every account instead of each venue's estimate.
/// </summary>
public sealed record PortfolioQuery(IReadOnlyList<BookPosition> Positions, IReadOnlyList<VenueAccount> Accounts, double? ExitDelayHours = null)
{
    public const string Path = "/portfolio";
    public const string PositionParameter = "pos";
    public const string CollateralParameter = "col";
    public const string DelayParameter = "delay";

    /// <summary>The longest own exit delay a link may give (hours): 30 days, as on the Carry page.</summary>
    public const double MaxDelayHours = 24 * 30;

    /// <summary>More positions than a desk enters by hand, few enough that a page's stress stays cheap.</summary>
    public const int MaxPositions = 20;

    public static PortfolioQuery Empty { get; } = new([], []);

    /// <summary>
    /// The book a URL asks for. Each bad entry is reported at its row (<see cref="PortfolioInput"/> field names) and
    /// left out; nothing is guessed.
    /// </summary>
    public static (PortfolioQuery Query, IReadOnlyList<FieldError> Errors) Parse(IReadOnlyList<string>? positions, IReadOnlyList<string>? collateral, string? delay = null)
    {
        var input = PortfolioInput.FromUrl(positions, collateral, delay);
        return input.ToQuery();
    }

    public string ToUrl() => QueryHelpers.AddQueryString(Path, Parameters());

    /// <summary>The book as the URL's parameters, in the URL's order (a share link keeps exactly these).</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Parameters()
    {
        var query = Positions.Select(p => new KeyValuePair<string, string?>(PositionParameter, Token(p)))
            .Concat(Accounts.Select(a => new KeyValuePair<string, string?>(CollateralParameter, $"{a.Venue}:{Number(a.CollateralUsd)}")))
            .ToList();
        if (ExitDelayHours is { } delay) query.Add(new(DelayParameter, Number(delay)));
        return query;
    }

    /// <summary>The user's own exit delay, when given.</summary>
    public TimeSpan? ExitDelay => ExitDelayHours is { } h ? TimeSpan.FromHours(h) : null;

    public static string Token(BookPosition p) =>
        $"{p.Venue}:{p.Asset}:{(p.Side == LiquidationSide.Long ? "long" : "short")}:{Number(p.NotionalUsd)}:{Number(p.Leverage)}{(p.Isolated ? ":iso" : "")}";

    internal static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
