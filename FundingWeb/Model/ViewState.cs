using FundingWeb.Core.Funding;

namespace FundingWeb.Model;

/// <summary>Everything a view's URL carries: asset, venues (empty = all), time range, rate basis, and per-page extras.</summary>
public sealed record ViewState(
    string? Asset,
    IReadOnlySet<string> Venues,
    TimeRange Range,
    RateBasis Basis,
    string? Window = null,
    string? Venue = null)
{
    public static ViewState Default { get; } = new(null, new HashSet<string>(), TimeRange.Default, RateBasis.Apr);

    public bool Shows(string venueId) => Venues.Count == 0 || Venues.Contains(venueId);

    public ViewState WithVenueToggled(string venueId, IEnumerable<string> allVenues)
    {
        var current = Venues.Count == 0 ? allVenues.ToHashSet(StringComparer.OrdinalIgnoreCase) : Venues.ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!current.Remove(venueId)) current.Add(venueId);
        var all = allVenues.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return this with { Venues = current.SetEquals(all) || current.Count == 0 ? new HashSet<string>() : current };
    }
}
