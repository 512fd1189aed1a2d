namespace FundingWeb.Model.Charts;

/// <summary>One colour per venue on every chart, so a venue reads the same everywhere.</summary>
public static class VenueColors
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hyperliquid"] = "#5eead4", ["dydx"] = "#818cf8", ["paradex"] = "#f472b6",
        ["lighter"] = "#facc15", ["aevo"] = "#fb923c", ["gmx"] = "#60a5fa",
    };

    private static readonly string[] Fallback = ["#a3e635", "#e879f9", "#22d3ee", "#fca5a5"];

    public static string For(string venueId) =>
        Known.TryGetValue(venueId, out var c) ? c : Fallback[(int)((uint)venueId.GetHashCode() % Fallback.Length)];
}
