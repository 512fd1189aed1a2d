using System.Text.RegularExpressions;

namespace FundingWeb.Core.Reference;

/// <summary>
/// What the reference feed's exchange names become on screen. Hyperliquid's own slot (HlPerp) is not a reference: the venue
/// poll already quotes it, so it is never stored as one. An exchange name the feed adds later is kept under its own name
/// when it is a plain word, so a new CEX shows up without a release; anything else is refused (it would reach a legend, a
/// CSV and a URL).
/// </summary>
public static partial class ReferenceExchanges
{
    public const string Own = "hyperliquid";

    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["binance"] = "Binance",
        ["bybit"] = "Bybit",
    };

    public static bool IsUsable(string exchange) => exchange != Own && ExchangePattern().IsMatch(exchange);

    /// <summary>"Binance (CEX reference)": every label of a reference leg says it is one, never a venue.</summary>
    public static string Label(string exchange) => $"{Name(exchange)} (CEX reference)";

    public static string Name(string exchange) =>
        Names.TryGetValue(exchange, out var name) ? name : exchange.Length == 0 ? exchange : char.ToUpperInvariant(exchange[0]) + exchange[1..];

    /// <summary>An id that can never collide with a venue id (a venue id has no ':').</summary>
    public static string LegId(string exchange) => "ref:" + exchange;

    public static bool IsAssetName(string asset) => AssetPattern().IsMatch(asset);

    [GeneratedRegex(@"^[a-z0-9]{1,24}\z")]
    private static partial Regex ExchangePattern();

    [GeneratedRegex(@"^[A-Z0-9._-]{1,32}\z")]
    private static partial Regex AssetPattern();
}
