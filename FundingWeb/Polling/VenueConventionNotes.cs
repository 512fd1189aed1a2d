using FundingWeb.Core.Venues;
using FundingWeb.Hosting;
using Microsoft.Extensions.Options;

namespace FundingWeb.Polling;

/// <summary>
/// Venues whose rate unit or interval is an assumption not yet confirmed by a live capture ([U] in the venue notes),
/// with the sentence the UI shows. Simulated venues quote in a known convention by construction.
/// </summary>
public sealed class VenueConventionNotes(IOptions<FeedOptions> feed)
{
    public IReadOnlyDictionary<string, string> Unverified { get; } = feed.Value.Mode == FeedMode.Live
        ? LiveVenues.All.Values.Where(v => !v.UnitVerified).ToDictionary(v => v.Id, v => v.UnitNote, StringComparer.OrdinalIgnoreCase)
        : new Dictionary<string, string>();
}
