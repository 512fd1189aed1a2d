using System.Globalization;
using FundingWeb.Core.Sharing;

namespace FundingWeb.Model;

/// <summary>
/// The pages that keep state of their own in a share link, what each keeps (its URL's own parameter names: Overview
/// <c>mode</c>, Spreads <c>notional</c>, Portfolio <c>pos</c>, <c>col</c> and <c>delay</c>) and how each value is judged, by the
/// page's own parser. Anything else is refused at create time with the reason. The pages read their extras back through
/// the same names, from the stored scope only.
/// </summary>
public sealed class PageShareExtras : IShareExtrasPolicy
{
    public static PageShareExtras Instance { get; } = new();

    private sealed record Page(string Name, IReadOnlyDictionary<string, int> MaxCount, Func<ShareExtras, string?> Check);

    private static readonly Dictionary<string, Page> Pages = new(StringComparer.OrdinalIgnoreCase)
    {
        [FundingUrls.OverviewPath] = new("Overview", new Dictionary<string, int> { [HeatmapModes.Parameter] = 1 }, CheckOverview),
        [FundingUrls.SpreadsPath] = new("Spreads", new Dictionary<string, int> { [SpreadsPageModel.NotionalParameter] = 1 }, CheckSpreads),
        [FundingUrls.PortfolioPath] = new("Portfolio", new Dictionary<string, int>
        {
            [PortfolioQuery.PositionParameter] = PortfolioQuery.MaxPositions,
            [PortfolioQuery.CollateralParameter] = PortfolioInput.MaxAccounts,
            [PortfolioQuery.DelayParameter] = 1,
        }, CheckPortfolio),
    };

    public string? Refusal(string path, ShareExtras extras)
    {
        ArgumentNullException.ThrowIfNull(extras);
        if (extras.IsEmpty) return null;
        if (!Pages.TryGetValue(path ?? "", out var page))
        {
            return $"The page {path} keeps no settings of its own in a link ('{extras.Names[0]}' given).";
        }
        foreach (var name in extras.Names)
        {
            if (!page.MaxCount.TryGetValue(name, out var max))
            {
                return $"'{name}' is not a {page.Name} setting a link keeps; it keeps {string.Join(", ", page.MaxCount.Keys)}.";
            }
            if (extras.Values(name).Count > max) return $"The {page.Name} link gives '{name}' {extras.Values(name).Count} times; at most {max}.";
        }
        return page.Check(extras);
    }

    /// <summary>The Overview's heatmap mode (funding, the default, is kept as nothing).</summary>
    public static IReadOnlyList<KeyValuePair<string, string?>> ForOverview(HeatmapMode mode) =>
        mode == HeatmapMode.Funding ? [] : [new(HeatmapModes.Parameter, HeatmapModes.Token(mode))];

    public static HeatmapMode Mode(ShareExtras extras) => HeatmapModes.Parse(extras.Value(HeatmapModes.Parameter));

    /// <summary>The Spreads notional (the default is kept as nothing, as the page's URL leaves it out).</summary>
    public static IReadOnlyList<KeyValuePair<string, string?>> ForSpreads(double notionalUsd) =>
        notionalUsd == SpreadsPageModel.DefaultNotionalUsd || !double.IsFinite(notionalUsd)
            ? []
            : [new(SpreadsPageModel.NotionalParameter, notionalUsd.ToString("R", CultureInfo.InvariantCulture))];

    public static string? Notional(ShareExtras extras) => extras.Value(SpreadsPageModel.NotionalParameter);

    /// <summary>The book as the Portfolio's URL gives it; <paramref name="positions"/> and the rest as typed in the link.</summary>
    public static IReadOnlyList<KeyValuePair<string, string?>> ForPortfolio(IReadOnlyList<string>? positions, IReadOnlyList<string>? collateral, string? delay) =>
        [
            .. (positions ?? []).Select(p => new KeyValuePair<string, string?>(PortfolioQuery.PositionParameter, p)),
            .. (collateral ?? []).Select(c => new KeyValuePair<string, string?>(PortfolioQuery.CollateralParameter, c)),
            .. string.IsNullOrWhiteSpace(delay) ? [] : new[] { new KeyValuePair<string, string?>(PortfolioQuery.DelayParameter, delay) },
        ];

    public static (IReadOnlyList<string> Positions, IReadOnlyList<string> Collateral, string? Delay) Portfolio(ShareExtras extras) =>
        (extras.Values(PortfolioQuery.PositionParameter), extras.Values(PortfolioQuery.CollateralParameter), extras.Value(PortfolioQuery.DelayParameter));

    /// <summary>The page's own settings in a few words, for the admin list; null when it keeps none.</summary>
    public static string? Describe(ShareExtras extras)
    {
        if (extras.Values(PortfolioQuery.PositionParameter) is { Count: > 0 } positions) return positions.Count == 1 ? "1 position" : $"{positions.Count} positions";
        if (extras.Value(SpreadsPageModel.NotionalParameter) is { } notional && SpreadsPageModel.ParseNotional(notional) is (var usd, null))
        {
            return string.Create(CultureInfo.InvariantCulture, $"${usd:#,0} per leg");
        }
        return extras.Value(HeatmapModes.Parameter) is { } mode ? mode + " heatmap" : null;
    }

    private static string? CheckOverview(ShareExtras extras) =>
        extras.Value(HeatmapModes.Parameter) is { } mode && !Enum.GetValues<HeatmapMode>().Any(m => HeatmapModes.Token(m) == mode)
            ? $"The Overview heatmap mode '{mode}' is not one of {string.Join(", ", Enum.GetValues<HeatmapMode>().Select(HeatmapModes.Token))}."
            : null;

    private static string? CheckSpreads(ShareExtras extras) =>
        Notional(extras) is { } text && SpreadsPageModel.ParseNotional(text).Error is { } error ? error.Split(": showing", 2)[0] + "." : null;

    private static string? CheckPortfolio(ShareExtras extras)
    {
        var (positions, collateral, delay) = Portfolio(extras);
        if (positions.Count == 0) return "A shared Portfolio needs its book: no position given.";
        var (_, errors) = PortfolioInput.FromUrl(positions, collateral, delay).ToQuery();
        return errors.Count == 0 ? null : "The book cannot be shared as it is: " + errors[0].Message;
    }
}
