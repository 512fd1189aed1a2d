using FundingWeb.Core.Charts;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Reference;

namespace FundingWeb.Model.Charts;

/// <summary>
/// The Funding history's CEX reference lines: one per exchange for the asset, named "Binance (CEX reference)" so the legend
/// and the CSV say it is a reference and not a venue, dotted and in a colour no venue uses. Values go through the same basis
/// conversion as venue quotes (rate_1h from the normaliser, then 1h/8h/APR). Clicking the legend hides one, like any series.
/// </summary>
public static class ReferenceSeries
{
    /// <summary>Dotted (2 on, 2 off; the legend draws dots for it): venues draw settled solid and quoted dashed (4).</summary>
    public const int Dash = 2;

    private static readonly Dictionary<string, string> Colors = new(StringComparer.Ordinal)
    {
        ["binance"] = "#f0b90b", ["bybit"] = "#e5e7eb",
    };

    public static string Color(string exchange) => Colors.GetValueOrDefault(exchange, "#9ca3af");

    /// <summary>The stable id a live tick appends to; no venue id has a ':' after "ref".</summary>
    public static string Key(string exchange) => ReferenceExchanges.LegId(exchange);

    /// <summary>The exchanges that have rows, in a fixed order, each with its series.</summary>
    public static IReadOnlyList<(string Exchange, ChartSeries Series)> Build(string asset, IReadOnlyList<ReferenceQuote> rows, RateBasis basis)
    {
        var result = new List<(string, ChartSeries)>();
        foreach (var group in rows.Where(r => r.Asset == asset && ReferenceExchanges.IsUsable(r.Exchange))
                     .GroupBy(r => r.Exchange, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var points = group.OrderBy(r => r.TimeMs).Select(r => new ChartPoint(r.TimeMs, Math.Round(BasisDisplay.Percent(r.Rate1h, basis), 6))).ToList();
            var label = ReferenceExchanges.Label(group.Key);
            var last = group.MaxBy(r => r.TimeMs)!;
            var series = ChartSeries.FromPoints(label, Lttb.Downsample(points, ChartSeries.MaxPoints).Select(p => (p.X, p.Y))) with
            {
                Key = Key(group.Key),
                Live = true,
                Meta = Meta(label, asset, last.IntervalHours, basis),
            };
            result.Add((group.Key, series));
        }
        return result;
    }

    /// <summary>A live point for an exchange's series, in the page's basis.</summary>
    public static double[] LivePoint(ReferenceQuote quote, RateBasis basis) => [quote.TimeMs, Math.Round(BasisDisplay.Percent(quote.Rate1h, basis), 6)];

    private static SeriesMeta? Meta(string label, string asset, double intervalHours, RateBasis basis)
    {
        if (!double.IsFinite(intervalHours) || !(intervalHours > 0)) return null;
        double? perDisplayed = basis == RateBasis.AprCompounded ? null : intervalHours / (FundingBasis.FromRate1h(1, basis) * 100);
        return new SeriesMeta(label, $"{asset} perp, via Hyperliquid predictedFundings (not traded here)", "fraction", intervalHours, perDisplayed);
    }
}
