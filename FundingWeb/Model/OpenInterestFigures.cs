using FundingWeb.Core.OpenInterest;

namespace FundingWeb.Model;

/// <summary>
/// The live numbers of the Open interest page as printed: one record for the headline figures and one per venue row.
/// Records compare by value, so a tick re-renders only a row whose printed figures changed.
/// </summary>
public static class OpenInterestFigures
{
    public static OpenInterestKpis Kpis(OpenInterestBreakdown b) =>
        new(Display.Usd(b.TotalUsd), Display.Number(b.Hhi, "0.000"),
            $"{Pct(b.Change1h.Relative)} ({UsdSigned(b.Change1h.AbsoluteUsd)})", Sign(b.Change1h.Relative),
            $"{Pct(b.Change24h.Relative)} ({UsdSigned(b.Change24h.AbsoluteUsd)})", Sign(b.Change24h.Relative));

    /// <summary>Largest venue first; long and short only where the venue publishes sides (GMX).</summary>
    public static IReadOnlyList<OpenInterestRow> Rows(OpenInterestBreakdown b, IReadOnlyDictionary<string, string> names) =>
        b.Shares.OrderByDescending(s => s.Usd).ThenBy(s => s.Venue, StringComparer.Ordinal)
            .Select(s => new OpenInterestRow(s.Venue, names.GetValueOrDefault(s.Venue, s.Venue), Display.Usd(s.Usd), Display.Percent(s.Share, "0.0"),
                Pct(s.Change1h.Relative), Sign(s.Change1h.Relative), Pct(s.Change24h.Relative), Sign(s.Change24h.Relative),
                Display.Usd(s.LongUsd), Display.Usd(s.ShortUsd)))
            .ToList();

    private static string UsdSigned(double? v) => v is { } x && double.IsFinite(x) ? (x < 0 ? "−" : "+") + Display.Usd(Math.Abs(x)) : Display.None;
    private static string Pct(double? v) => Display.Percent(v, "+0.00;-0.00;0.00");
    private static string? Sign(double? v) => v is > 0 ? "pos" : v is < 0 ? "neg" : null;
}

/// <param name="Sign1h">"pos", "neg" or null: the class a change is printed with.</param>
public sealed record OpenInterestKpis(string Total, string Hhi, string Change1h, string? Sign1h, string Change24h, string? Sign24h);

public sealed record OpenInterestRow(string Venue, string Name, string Usd, string Share, string Change1h, string? Sign1h,
    string Change24h, string? Sign24h, string LongUsd, string ShortUsd);
