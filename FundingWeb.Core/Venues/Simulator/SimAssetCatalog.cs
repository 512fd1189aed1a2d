namespace FundingWeb.Core.Venues.Simulator;

/// <summary>Thirty-six assets with prices, volatilities and OI of the right order of magnitude for late 2026.</summary>
public static class SimAssetCatalog
{
    public static IReadOnlyList<SimAsset> All { get; } =
    [
        new("BTC", 91_000, 0.50, 9.0e9, 1), new("ETH", 3_050, 0.65, 5.0e9, 1), new("SOL", 140, 0.85, 1.6e9, 1),
        new("HYPE", 38, 1.10, 1.2e9, 1), new("XRP", 2.2, 0.90, 9.0e8, 1), new("DOGE", 0.16, 1.00, 6.0e8, 1),
        new("BNB", 900, 0.55, 4.0e8, 1), new("SUI", 1.9, 1.10, 4.0e8, 1), new("LINK", 14.5, 0.90, 3.0e8, 2),
        new("AVAX", 15.2, 0.95, 2.6e8, 2), new("ADA", 0.47, 0.90, 2.4e8, 2), new("ARB", 0.26, 1.05, 1.4e8, 2),
        new("OP", 0.38, 1.05, 1.0e8, 2), new("TIA", 0.65, 1.20, 9.0e7, 2), new("SEI", 0.15, 1.20, 8.0e7, 2),
        new("APT", 2.3, 1.05, 9.0e7, 2), new("NEAR", 1.95, 1.05, 1.1e8, 2), new("INJ", 6.2, 1.15, 8.0e7, 2),
        new("LTC", 88, 0.80, 1.5e8, 2), new("DOT", 2.6, 0.90, 9.0e7, 2), new("ATOM", 2.8, 0.95, 6.0e7, 3),
        new("AAVE", 185, 0.95, 1.8e8, 2), new("UNI", 6.4, 1.00, 1.1e8, 2), new("PEPE", 0.0000052, 1.30, 2.2e8, 2),
        new("WIF", 0.42, 1.40, 1.3e8, 3), new("TON", 1.6, 0.85, 6.0e7, 3), new("TRX", 0.28, 0.55, 7.0e7, 3),
        new("ENA", 0.29, 1.30, 2.2e8, 2), new("JUP", 0.24, 1.20, 5.0e7, 3), new("ONDO", 0.52, 1.15, 8.0e7, 3),
        new("TAO", 290, 1.20, 1.2e8, 3), new("WLD", 0.62, 1.30, 9.0e7, 3), new("FET", 0.27, 1.25, 5.0e7, 3),
        new("BERA", 1.1, 1.40, 4.0e7, 3), new("PENDLE", 2.4, 1.20, 5.0e7, 3), new("LDO", 0.62, 1.10, 5.0e7, 3),
    ];
}
