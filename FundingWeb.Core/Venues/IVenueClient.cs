namespace FundingWeb.Core.Venues;

/// <summary>
/// One venue, live or simulated. Clients return rates exactly as the venue writes them (<see cref="Funding.RawFundingRate"/>);
/// normalisation happens once, in the ingest pipeline, for every venue alike.
/// </summary>
public interface IVenueClient
{
    VenueInfo Venue { get; }

    /// <summary>
    /// Fetches the venue's current state: markets (discovered, never hard-coded), quoted funding, open interest,
    /// prices, and any settled rows and liquidations that appeared since the last poll.
    /// A failure of the whole venue throws; a failure of one market is reported in <see cref="VenuePoll.MarketErrors"/>.
    /// </summary>
    Task<VenuePoll> PollAsync(CancellationToken cancellationToken);

    /// <summary>Settled funding (and open interest where the venue has a history) for one market, oldest first.</summary>
    Task<VenueHistory> GetHistoryAsync(Market market, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
