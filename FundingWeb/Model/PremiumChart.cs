using FundingWeb.Core.Storage;
using FundingWeb.Model.Charts;

namespace FundingWeb.Model;

/// <summary>The Funding page's basis chart: (mark − index) ÷ index over the range, one line per venue's market, in percent.</summary>
public static class PremiumChart
{
    public static ChartSpec Spec(string asset) => new()
    {
        YTitle = "Premium (mark − index) ÷ index", YUnit = " %", YDecimals = 3, FileName = $"premium-{asset}",
        NoData = "No mark and index prices stored for this range", YLines = [new ChartLine(0, "index")],
    };

    public static IReadOnlyList<ChartSeries> Series(IReadOnlyList<PremiumPoint> points, IReadOnlyDictionary<string, string> venueNames) =>
        points.GroupBy(p => (p.Venue, p.Symbol))
            .OrderBy(g => g.Key.Venue, StringComparer.Ordinal).ThenBy(g => g.Key.Symbol, StringComparer.Ordinal)
            .Select(g => ChartSeries.FromPoints($"{venueNames.GetValueOrDefault(g.Key.Venue, g.Key.Venue)} {g.Key.Symbol}",
                g.OrderBy(p => p.TimeMs).Select(p => (p.TimeMs, Math.Round(p.Premium * 100, 6)))) with { Key = $"{g.Key.Venue}:{g.Key.Symbol}:premium" })
            .ToList();
}
