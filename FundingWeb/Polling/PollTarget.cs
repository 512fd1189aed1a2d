using FundingWeb.Core.Venues;

namespace FundingWeb.Polling;

/// <summary>A venue client with the settings it is polled with.</summary>
public sealed record PollTarget(IVenueClient Client, PollerSettings Settings);
