using System.Text;

namespace FundingWeb.Core.Exports;

/// <summary>One chart series as drawn: its name and its [x, y] points (x = UTC ms, y null for a gap).</summary>
public sealed record ChartCsvSeries(string Name, IReadOnlyList<(long TimeMs, double? Value)> Points);

/// <summary>
/// A chart's CSV: exactly the points the chart shows (the same downsampled series, the same range), one row per point,
/// in long form: time_utc, series, value, basis, unit.
/// </summary>
public static class ChartCsv
{
    public static readonly string[] Columns = ["time_utc", "series", "value", "basis", "unit"];

    public static void Write(TextWriter output, CsvHeader header, IEnumerable<ChartCsvSeries> series)
    {
        var csv = new CsvWriter(output);
        csv.Header(header);
        csv.Row(Columns);
        foreach (var s in series)
        {
            foreach (var (timeMs, value) in s.Points)
            {
                csv.Time(timeMs).Text(s.Name).Number(value).Text(header.Basis).Text(header.Unit).EndRow();
            }
        }
    }

    public static string Create(CsvHeader header, IEnumerable<ChartCsvSeries> series)
    {
        var builder = new StringBuilder();
        using (var writer = new StringWriter(builder)) Write(writer, header, series);
        return builder.ToString();
    }

    /// <summary>
    /// Reads chart data points: [x, y] as double[] or object?[] (y may be null), as the chart model sends them.
    /// Category-axis data (plain y values) has no time and is skipped by the caller's choice of chart.
    /// </summary>
    public static IReadOnlyList<(long TimeMs, double? Value)> Points(IEnumerable<object?> data)
    {
        var points = new List<(long, double?)>();
        foreach (var item in data)
        {
            switch (item)
            {
                case double[] { Length: >= 2 } d:
                    points.Add(((long)d[0], double.IsNaN(d[1]) ? null : d[1]));
                    break;
                case double?[] { Length: >= 2 } n when n[0] is { } x:
                    points.Add(((long)x, n[1]));
                    break;
                case object?[] { Length: >= 2 } o when o[0] is not null:
                    points.Add((Convert.ToInt64(o[0], System.Globalization.CultureInfo.InvariantCulture),
                        o[1] is null ? null : Convert.ToDouble(o[1], System.Globalization.CultureInfo.InvariantCulture)));
                    break;
            }
        }
        return points;
    }
}
