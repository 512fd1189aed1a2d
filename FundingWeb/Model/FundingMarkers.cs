using FundingWeb.Core.Storage;
using FundingWeb.Model.Charts;

namespace FundingWeb.Model;

/// <summary>
/// The implausible funding rows of a view as markers on the history chart: stored, shown with their reason, never drawn
/// into a venue's line (PRODUCT.md). The chart draws each marker inside its plotted range, so one absurd value cannot
/// flatten every line; the tooltip gives the real value.
/// </summary>
public static class FundingMarkers
{
    public const string Name = "implausible (not trusted)";
    public const string Key = "implausible";
    public const string Color = "#ef4444";

    /// <param name="rows">What <see cref="HistoryQueries.GetImplausibleFundingAsync"/> returned (at most <paramref name="limit"/>).</param>
    /// <param name="primary">Each venue's market on the chart; a venue without one (only implausible rows) keeps all its rows.</param>
    public static (ChartSeries? Series, ImplausibleSummary Summary) Build(IReadOnlyList<FundingPoint> rows, ViewState state,
        IReadOnlyDictionary<string, string> venueNames, IReadOnlyDictionary<string, string> primary, long fromMs, long toMs, int limit)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var shown = rows.Where(r => state.Shows(r.Venue) && r.TimeMs >= fromMs && r.TimeMs <= toMs
                && (!primary.TryGetValue(r.Venue, out var symbol) || symbol == r.Symbol))
            .OrderBy(r => r.TimeMs).ToList();
        var data = new List<object?>();
        var notes = new List<string>();
        foreach (var row in shown)
        {
            var y = BasisDisplay.Percent(row.Rate1h, state.Basis);
            // A value with no number (∞ from a wrong unit) is counted and named below, but has no place on an axis.
            if (!double.IsFinite(y)) continue;
            data.Add(new[] { row.TimeMs, Math.Round(y, 6) });
            notes.Add($"{venueNames.GetValueOrDefault(row.Venue, row.Venue)} {row.Symbol}: {row.Implausible ?? "implausible"}");
        }
        var reasons = shown.GroupBy(r => venueNames.GetValueOrDefault(r.Venue, r.Venue) + " " + r.Symbol)
            .Select(g => new ImplausibleMarket(g.Key, g.Count(), g.Last().Implausible ?? "implausible"))
            .OrderByDescending(m => m.Rows).ThenBy(m => m.Market, StringComparer.Ordinal).ToList();
        var summary = new ImplausibleSummary(shown.Count, rows.Count >= limit, shown.Count - data.Count, reasons);
        var series = data.Count == 0 ? null
            : new ChartSeries(Name, data, Type: "scatter", Key: Key, Marker: true, Notes: notes);
        return (series, summary);
    }
}

/// <param name="Rows">Implausible rows in the view, left out of the lines.</param>
/// <param name="AtLimit">The read stopped at its limit: there may be more (the newest are shown).</param>
/// <param name="NotDrawn">Rows with no finite value at the basis: counted, not marked.</param>
public sealed record ImplausibleSummary(int Rows, bool AtLimit, int NotDrawn, IReadOnlyList<ImplausibleMarket> Markets)
{
    public static ImplausibleSummary None { get; } = new(0, false, 0, []);
}

/// <param name="Reason">The newest row's reason (a market's rows share the rule that flagged them).</param>
public sealed record ImplausibleMarket(string Market, int Rows, string Reason);
