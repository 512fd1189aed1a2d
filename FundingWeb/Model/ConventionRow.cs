using FundingWeb.Core.Funding;
using FundingWeb.Core.Live;

namespace FundingWeb.Model;

/// <summary>
/// One market's funding convention as the Venues page lists it, with its quote's plausibility. Flat text per column so
/// the grid sorts and filters on what it prints; a record, so an unchanged market compares equal across ticks.
/// </summary>
public sealed record ConventionRow(
    string VenueId, string VenueName, string Symbol, string Asset, MarketConvention? Convention, string? Implausible)
{
    /// <summary>Every active market of the shown venues, by venue then symbol; markets with no quote yet have no convention.</summary>
    public static IReadOnlyList<ConventionRow> From(MarketSnapshot snapshot, ViewState state) =>
        snapshot.Venues.Values
            .Where(v => state.Shows(v.Venue.Id))
            .SelectMany(v => v.Markets.Values.Select(m => new ConventionRow(
                v.Venue.Id, v.Venue.Name, m.Market.Symbol, m.Market.BaseAsset, m.Convention, m.Funding?.Implausible)))
            .OrderBy(r => r.VenueName, StringComparer.Ordinal)
            .ThenBy(r => r.Symbol, StringComparer.Ordinal)
            .ToList();

    public string Interval => Convention is { } c ? $"{ConventionChange.Hours(c.IntervalHours)} h{(c.IntervalAssumed ? " (assumed)" : "")}" : Display.None;

    /// <summary>Sort key of <see cref="Interval"/> (hours; unknown last).</summary>
    public double IntervalHours => Convention?.IntervalHours is { } h && double.IsFinite(h) ? h : double.MaxValue;

    public bool Assumed => Convention?.IntervalAssumed == true;

    public string Unit => Convention?.Unit.ToString() ?? Display.None;

    public string Cap => Convention?.Cap1h is { } cap && double.IsFinite(cap)
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{cap * 100:0.####} %/h")
        : "none published (sanity bound applies)";

    public string CapSource => Convention?.CapSource ?? "no cap published: the absolute sanity bound applies";

    public string Source => Convention?.Source ?? "no quote yet";

    public long? ReadAtMs => Convention?.ReadAtMs;

    public long? SinceMs => Convention?.SinceMs;

    public string ReadAt => Display.Utc(ReadAtMs);

    public string HeldSince => Display.Utc(SinceMs);

    public string LastChange => Convention?.LastChange is { } c ? $"{c.Describe()} at {Display.Utc(c.TimeMs)}" : Display.None;

    public string Quote => Implausible is { } why ? $"implausible: {why}" : "plausible";
}
