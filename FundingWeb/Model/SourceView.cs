using FundingWeb.Core.Funding;
using FundingWeb.Core.Live;

namespace FundingWeb.Model;

/// <summary>
/// The market behind a selected heatmap cell, as the drill-down shows it. The quote is the venue's latest: a poll of
/// that venue makes a new one (and a new render), a poll of any other venue leaves this equal.
/// </summary>
public sealed record SourceView(string VenueId, string VenueName, MarketQuote Quote, RateBasis Basis, string? UnverifiedNote)
{
    /// <summary>The market the cell stood for, from the current snapshot; null once the venue or the market is gone.</summary>
    public static SourceView? Find(MarketSnapshot snapshot, string venueId, string asset, RateBasis basis, IReadOnlyDictionary<string, string> unverifiedNotes) =>
        snapshot.Venues.TryGetValue(venueId, out var venue) && venue.ForAsset(asset) is { } quote
            ? new SourceView(venue.Venue.Id, venue.Venue.Name, quote, basis, unverifiedNotes.GetValueOrDefault(venue.Venue.Id))
            : null;
}
