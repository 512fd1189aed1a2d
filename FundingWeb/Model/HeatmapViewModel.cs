using System.Globalization;
using FundingWeb.Core.Funding;
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
        var columns = venues.Select(v => new HeatmapColumn(v.Venue.Id, v.Venue.Name, v.Status.IsStale)).ToList();
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
        var value = FundingBasis.FromRate1h(funding.Rate1h, basis);
        var intensity = Math.Min(1, Math.Abs(funding.Rate1h * FundingBasis.HoursPerYear) / FullScaleApr);
        var gmxNote = funding.Leg == FundingLeg.Long ? "\n(long side's rate; GMX quotes each side separately)" : "";
        var tooltip = string.Create(CultureInfo.InvariantCulture,
            $"{venue.Venue.Name} · {quote.Market.Symbol}\nraw {funding.RateRaw:G6} {funding.Unit} per {funding.IntervalHours:0.##} h\n= {funding.Rate1h * 100:0.######} % per 1h = {FundingBasis.FormatPercent(funding.Rate1h, basis)} {FundingBasis.Label(basis)}{gmxNote}{(unverifiedNote is null ? "" : "\n⚠ unverified convention: " + unverifiedNote)}");
        return new HeatmapCell(venue.Venue.Id, quote.Market.Symbol, funding.Rate1h, value,
            FundingBasis.FormatPercent(funding.Rate1h, basis), Math.Sign(funding.Rate1h), intensity, venue.Status.IsStale, tooltip, unverifiedNote is not null);
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

public sealed record HeatmapCell(
    string VenueId, string Symbol, double Rate1h, double Value, string Display, int Sign, double Intensity, bool IsStale, string Tooltip, bool Unverified = false);
