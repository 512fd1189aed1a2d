using System.Globalization;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Ingest;
using FundingWeb.Core.Live;

namespace FundingWeb.Model;

/// <summary>The venue × asset funding grid, built from a snapshot without rendering (so it is tested directly).</summary>
public sealed record HeatmapViewModel(RateBasis Basis, IReadOnlyList<HeatmapColumn> Venues, IReadOnlyList<HeatmapRow> Rows)
{
    /// <summary>|APR| at which a cell reaches full colour.</summary>
    public const double FullScaleApr = 0.5;

    public static HeatmapViewModel Build(MarketSnapshot snapshot, RateBasis basis, IReadOnlySet<string>? venueFilter = null,
        IReadOnlyDictionary<string, string>? unverifiedNotes = null)
    {
        var venues = snapshot.Venues.Values
            .Where(v => venueFilter is null || venueFilter.Count == 0 || venueFilter.Contains(v.Venue.Id))
            .ToList();
        var columns = venues.Select(v => new HeatmapColumn(v.Venue.Id, v.Venue.Name, !VenueHealth.Of(v).IsFresh)).ToList();
        var rows = snapshot.Assets
            .Select(asset => new HeatmapRow(asset, venues.Select(v => Cell(v, asset, basis, unverifiedNotes?.GetValueOrDefault(v.Venue.Id))).ToList()))
            .Where(r => r.Cells.Any(c => c is not null))
            .ToList();
        return new HeatmapViewModel(basis, columns, rows);
    }

    private static HeatmapCell? Cell(VenueSnapshot venue, string asset, RateBasis basis, string? unverifiedNote)
    {
        var quote = venue.ForAsset(asset);
        if (quote?.Funding is not { } funding) return null;
        // A compounded APR overflows for big hourly rates, and a garbage rate is no number at all: such a cell says so
        // ("n/a", grey) instead of printing ∞ or failing on Math.Sign(NaN).
        var value = FundingBasis.FromRate1h(funding.Rate1h, basis);
        var readable = double.IsFinite(funding.Rate1h);
        // An implausible rate is shown with its marker and reason but never coloured: it stays out of the colour scale.
        var trusted = readable && funding.IsPlausible;
        var intensity = trusted ? Math.Min(1, Math.Abs(funding.Rate1h * FundingBasis.HoursPerYear) / FullScaleApr) : 0;
        var gmxNote = funding.Leg == FundingLeg.Long ? "\n(long side's rate; GMX quotes each side separately)" : "";
        var tooltip = string.Create(CultureInfo.InvariantCulture,
            $"{venue.Venue.Name} · {quote.Market.Symbol}\nraw {Display.Number(funding.RateRaw, "G6")} {funding.Unit} per {Display.Number(funding.IntervalHours, "0.##")} h\n= {Display.Number(funding.Rate1h * 100, "0.######")} % per 1h = {FundingBasis.FormatPercent(funding.Rate1h, basis)} {FundingBasis.Label(basis)}{gmxNote}{(unverifiedNote is null ? "" : "\n⚠ unverified convention: " + unverifiedNote)}{(funding.Implausible is null ? "" : "\n⚠ implausible, not trusted: " + funding.Implausible)}");
        return new HeatmapCell(venue.Venue.Id, quote.Market.Symbol, funding.Rate1h, double.IsFinite(value) ? value : null,
            FundingBasis.FormatPercent(funding.Rate1h, basis), trusted ? Math.Sign(funding.Rate1h) : 0, intensity, !VenueHealth.Of(venue).IsFresh, tooltip, unverifiedNote is not null,
            funding.Implausible);
    }

    /// <summary>Colour by the market rate's sign (blue: longs pay; orange: shorts pay), strength by size.</summary>
    public static string Background(HeatmapCell cell)
    {
        var alpha = (0.12 + 0.78 * cell.Intensity).ToString("0.###", CultureInfo.InvariantCulture);
        return cell.Sign switch
        {
            > 0 => $"rgba(59, 130, 246, {alpha})",
            < 0 => $"rgba(249, 115, 22, {alpha})",
            _ => "rgba(148, 163, 184, 0.12)",
        };
    }
}

public sealed record HeatmapColumn(string VenueId, string Name, bool IsStale);

public sealed record HeatmapRow(string Asset, IReadOnlyList<HeatmapCell?> Cells);

/// <param name="Value">The rate at the basis; null where it is not a finite number (the cell then prints "n/a").</param>
/// <param name="IsStale">The venue is not fresh (stale or degraded): the cell is hatched.</param>
/// <param name="Implausible">Why the rate cannot be right; the cell shows it with a marker, uncoloured.</param>
public sealed record HeatmapCell(
    string VenueId, string Symbol, double Rate1h, double? Value, string Display, int Sign, double Intensity, bool IsStale, string Tooltip, bool Unverified = false,
    string? Implausible = null);
