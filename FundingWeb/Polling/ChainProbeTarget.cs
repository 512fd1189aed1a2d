using FundingWeb.Core.Chains;
using FundingWeb.Core.Venues;

namespace FundingWeb.Polling;

/// <summary>One venue's chain probe with its limits and cadence.</summary>
public sealed record ChainProbeTarget(VenueInfo Venue, IChainProbe Probe, ChainLimits Limits, TimeSpan Interval, TimeSpan AttemptTimeout);
