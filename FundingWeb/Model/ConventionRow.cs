using FundingWeb.Core.Funding;
using FundingWeb.Core.Live;

namespace FundingWeb.Model;

/// <summary>One market's funding convention as the Venues page lists it, with its quote's plausibility.</summary>
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

    public string Interval => Convention is { } c ? $"{ConventionChange.Hours(c.IntervalHours)} h{(c.IntervalAssumed ? " (assumed)" : "")}" : "–";

    public string Cap => Convention?.Cap1h is { } cap
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{cap * 100:0.####} %/h")
        : "none published (sanity bound applies)";
}
