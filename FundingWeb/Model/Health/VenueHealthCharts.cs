using FundingWeb.Core.Storage;
using FundingWeb.Model.Charts;

namespace FundingWeb.Model.Health;

/// <summary>One history chart of the Venues page: a figure over the range, one line per venue.</summary>
public sealed record VenueHealthChart(string TestId, string Title, string Subtitle, ChartSpec Spec, IReadOnlyList<ChartSeries> Series);

/// <summary>
/// The Venues page's history charts (poll latency, data lag, head age, error rate) from <see cref="VenueHealthHistory"/>'s
/// buckets: a venue with no value for a figure in the range (no probe, no data time) gets no line, not a line of zeros.
/// </summary>
public static class VenueHealthCharts
{
    /// <summary>The ranges the page offers as links.</summary>
    public static IReadOnlyList<TimeRange> Ranges { get; } = [.. TimeRange.Presets.Where(p => p.Token is "1h" or "24h" or "7d")];

    public static IReadOnlyList<VenueHealthChart> From(IReadOnlyList<VenueHealthPoint> points, IReadOnlyDictionary<string, string> names, string rangeLabel)
    {
        var byVenue = points.GroupBy(p => p.Venue, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        VenueHealthChart Chart(string id, string title, string unit, int decimals, string note, Func<VenueHealthPoint, double?> value)
        {
            var lines = byVenue
                .Select(g => (Venue: g.Key, Points: g.Where(p => value(p) is { } v && double.IsFinite(v)).Select(p => (p.TimeMs, value(p)!.Value)).ToList()))
                .Where(x => x.Points.Count > 0)
                .ToList();
            var series = lines.Select(x => ChartSeries.FromPoints(names.GetValueOrDefault(x.Venue, x.Venue), x.Points) with { Key = $"{x.Venue}:{id}" }).ToList();
            var spec = new ChartSpec
            {
                YTitle = title + " (" + unit + ")", YUnit = unit, YDecimals = decimals, Height = 240, FileName = "venue-health-" + id,
                NoData = "No health history in this range yet: it is written at poll cadence while the poller runs.",
                Colors = lines.Select(x => VenueColors.For(x.Venue)).ToList(),
            };
            return new VenueHealthChart("chart-health-" + id, title, $"{note} · {rangeLabel}", spec, series);
        }
        return
        [
            Chart("latency", "Poll latency", "ms", 0, "average per bucket", p => p.PollLatencyMs),
            Chart("data-lag", "Data lag", "s", 1, "worst per bucket: fetch time − the venue's own data time", p => p.DataLagMs / 1000),
            Chart("head-age", "Head age", "s", 0, "worst per bucket: now − the chain's newest block", p => p.HeadAgeMs / 1000),
            Chart("error-rate", "Error rate", "%", 1, "average per bucket, over the last 50 polls", p => p.ErrorRate * 100),
        ];
    }
}
