namespace FundingWeb.Core.Venues;

/// <summary>The venue ids used in configuration, URLs and the database.</summary>
public static class VenueIds
{
    public const string Hyperliquid = "hyperliquid";
    public const string Dydx = "dydx";
    public const string Paradex = "paradex";
    public const string Lighter = "lighter";
    public const string Aevo = "aevo";
    public const string Gmx = "gmx";

    public static IReadOnlyList<string> All { get; } = [Hyperliquid, Dydx, Paradex, Lighter, Aevo, Gmx];
}
