using FundingWeb.Core.Funding;

namespace FundingWeb.Model;

/// <summary>Everything a view's URL carries: asset, venues (empty = all), time range, rate basis, and per-page extras.</summary>
/// <param name="Notices">What was wrong with the URL and what is shown instead; never part of a link.</param>
public sealed record ViewState(
    string? Asset,
    IReadOnlySet<string> Venues,
    TimeRange Range,
    RateBasis Basis,
    string? Window = null,
    string? Venue = null,
    IReadOnlyList<ViewNotice>? Notices = null)
{
    public static ViewState Default { get; } = new(null, new HashSet<string>(), TimeRange.Default, RateBasis.Apr);

    /// <summary>
    /// A venue filter as a cache key (the per-snapshot tables and heatmaps every circuit shares are kept per filter): its
    /// ids sorted, each prefixed with its length, so no two filters share a key whatever their ids hold (a shared link's
    /// saved filter is not URL-parsed: an id may contain a comma).
    /// </summary>
    public static string VenuesKey(IReadOnlySet<string> venues) =>
        string.Concat(venues.Order(StringComparer.Ordinal).Select(v => $"{v.Length}:{v}"));

    public bool Shows(string venueId) => Venues.Count == 0 || Venues.Contains(venueId);

    public ViewState WithVenueToggled(string venueId, IEnumerable<string> allVenues)
    {
        var current = Venues.Count == 0 ? allVenues.ToHashSet(StringComparer.OrdinalIgnoreCase) : Venues.ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (!current.Remove(venueId)) current.Add(venueId);
        var all = allVenues.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return this with { Venues = current.SetEquals(all) || current.Count == 0 ? new HashSet<string>() : current };
    }

    /// <summary>The state with its range held to what history can hold (<see cref="TimeRange.Bound"/>), saying so when it changed.</summary>
    public ViewState Bounded(DateTimeOffset now, TimeSpan retention)
    {
        var (range, notice) = Range.Bound(now, retention);
        return notice is null ? this : this with { Range = range, Notices = [.. Notices ?? [], notice] };
    }
}

/// <summary>One thing in a URL that could not be used as given. <see cref="AboutRange"/> lets pages without a range skip it.</summary>
public sealed record ViewNotice(string Parameter, string Message)
{
    public bool AboutRange => Parameter is FundingUrls.RangeParameter or FundingUrls.FromParameter or FundingUrls.ToParameter;
}
