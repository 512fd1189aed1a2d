using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Simulator;
using FundingWeb.Polling;
using Xunit;

namespace FundingWeb.Tests.Polling;

/// <summary>Each venue id has exactly one live adapter and one simulated profile: a venue added in one place and not the other fails here.</summary>
[Trait("Category", "Fast")]
public sealed class VenueRegistryTests
{
    [Fact]
    public void EveryVenueId_HasOneLiveAdapterAndOneSimulatedProfile()
    {
        Assert.Equal(VenueIds.All.Order(), LiveVenues.All.Keys.Order());
        Assert.Equal(VenueIds.All.Order(), SimVenueProfiles.All.Select(p => p.Info.Id).Order());
        Assert.All(LiveVenues.All, kv => Assert.Equal(kv.Key, kv.Value.Id));
    }
}
