namespace FundingWeb.Model;

/// <summary>What the Overview heatmap's cells show (<c>mode=</c> in the URL): the quoted rate, the premium, or the regime label.</summary>
public enum HeatmapMode
{
    Funding,
    Basis,
    Regime,
}

public static class HeatmapModes
{
    public const string Parameter = "mode";

    public static HeatmapMode Parse(string? token) => token?.Trim().ToLowerInvariant() switch
    {
        "basis" or "premium" => HeatmapMode.Basis,
        "regime" => HeatmapMode.Regime,
        _ => HeatmapMode.Funding,
    };

    public static string Token(HeatmapMode mode) => mode.ToString().ToLowerInvariant();

    /// <summary>The Overview with a mode (funding, the default, is left out of the link).</summary>
    public static string Url(ViewState state, HeatmapMode mode) => mode == HeatmapMode.Funding
        ? FundingUrls.Overview(state)
        : Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(FundingUrls.Overview(state), Parameter, Token(mode));
}
