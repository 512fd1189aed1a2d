namespace FundingWeb.Model.Charts;

/// <summary>What a live tick sends for one series: its id and the new [x, y] points, never the series' history.</summary>
public sealed record SeriesAppend(string Id, IReadOnlyList<double[]> Points);
