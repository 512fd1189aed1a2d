using System.Globalization;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Ingest;
using FundingWeb.Core.Live;

namespace FundingWeb.Model;

/// <summary>
/// The venue × asset funding grid, built from a snapshot without rendering (so it is tested directly). Every part
/// compares by value: a tick that leaves a row or a cell as it was leaves its component unrendered.
/// </summary>
public sealed record HeatmapViewModel(RateBasis Basis, ValueList<HeatmapColumn> Venues, ValueList<HeatmapRow> Rows, HeatmapMode Mode = HeatmapMode.Funding)
{
    /// <summary>|premium| at which a basis cell reaches full colour.</summary>
    public const double FullScalePremium = 0.005;

    /// <summary>|APR| at which a cell reaches full colour.</summary>
    public const double FullScaleApr = 0.5;

    public bool AnyImplausible => Rows.Any(r => r.Cells.Any(c => c?.Implausible is not null));

    public bool AnyUnverified => Rows.Any(r => r.Cells.Any(c => c?.Unverified == true));

    public static HeatmapViewModel Build(MarketSnapshot snapshot, RateBasis basis, IReadOnlySet<string>? venueFilter = null,
        IReadOnlyDictionary<string, string>? unverifiedNotes = null, HeatmapMode mode = HeatmapMode.Funding, Core.Alerts.IFundingRegimes? regimes = null)
    {
        var venues = snapshot.Venues.Values
            .Where(v => venueFilter is null || venueFilter.Count == 0 || venueFilter.Contains(v.Venue.Id))
            .ToList();
        var columns = venues.Select(v => new HeatmapColumn(v.Venue.Id, v.Venue.Name, !VenueHealth.Of(v).IsFresh)).ToValueList();
        var rows = snapshot.Assets
            .Select(asset => new HeatmapRow(asset, venues.Select(v => mode switch
            {
                HeatmapMode.Basis => HeatmapAltCells.Basis(v, asset),
                HeatmapMode.Regime => HeatmapAltCells.Regime(v, asset, regimes ?? Core.Alerts.NoFundingRegimes.Instance),
                _ => Cell(v, asset, basis, unverifiedNotes?.GetValueOrDefault(v.Venue.Id)),
            }).ToValueList()))
            .Where(r => r.Cells.Any(c => c is not null))
            .ToValueList();
        return new HeatmapViewModel(basis, columns, rows, mode);
    }

    /// <summary>This model with <paramref name="previous"/>'s column list, rows and cells wherever they are equal (same values, older instances).</summary>
    public HeatmapViewModel Reusing(HeatmapViewModel? previous)
    {
        if (previous is null) return this;
        var old = new Dictionary<string, HeatmapRow>(StringComparer.Ordinal);
        foreach (var row in previous.Rows) old.TryAdd(row.Asset, row);
        var rows = Rows.Select(row => !old.TryGetValue(row.Asset, out var was) ? row
            : was.Equals(row) ? was
            : row with { Cells = row.Cells.Select((cell, i) => i < was.Cells.Count && Equals(cell, was.Cells[i]) ? was.Cells[i] : cell).ToValueList() });
        return this with { Venues = Venues.Equals(previous.Venues) ? previous.Venues : Venues, Rows = rows.ToValueList() };
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
        return new HeatmapCell(venue.Venue.Id, asset, quote.Market.Symbol, funding.Rate1h, double.IsFinite(value) ? value : null,
            FundingBasis.FormatPercent(funding.Rate1h, basis), trusted ? Math.Sign(funding.Rate1h) : 0, intensity, !VenueHealth.Of(venue).IsFresh,
            Title(venue, quote, funding, unverifiedNote), unverifiedNote is not null, funding.Implausible);
    }

    /// <summary>
    /// What hovering a cell says: where the number comes from and what is wrong with it, never the raw value itself.
    /// The raw value moves on every poll; a title that moved with it would be re-sent each tick for nothing a trader
    /// sees, so raw value, unit and times live in the source drill-down.
    /// </summary>
    private static string Title(VenueSnapshot venue, MarketQuote quote, FundingQuote funding, string? unverifiedNote)
    {
        var gmxNote = funding.Leg == FundingLeg.Long ? " · long side's rate (GMX quotes each side separately)" : "";
        var unverified = unverifiedNote is null ? "" : " · ⚠ unverified convention: " + unverifiedNote;
        var implausible = funding.Implausible is null ? "" : " · ⚠ implausible, not trusted: " + funding.Implausible;
        return string.Create(CultureInfo.InvariantCulture, $"{venue.Venue.Name} · {quote.Market.Symbol}{gmxNote}{unverified}{implausible} · select for the source");
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

public sealed record HeatmapRow(string Asset, ValueList<HeatmapCell?> Cells);

/// <param name="Value">The rate at the basis; null where it is not a finite number (the cell then prints "n/a").</param>
/// <param name="IsStale">The venue is not fresh (stale or degraded): the cell is hatched.</param>
/// <param name="Title">Venue, market and anything wrong with the number; stable while the convention is.</param>
/// <param name="Implausible">Why the rate cannot be right; the cell shows it with a marker, uncoloured.</param>
public sealed record HeatmapCell(
    string VenueId, string Asset, string Symbol, double Rate1h, double? Value, string Display, int Sign, double Intensity, bool IsStale, string Title,
    bool Unverified = false, string? Implausible = null);
