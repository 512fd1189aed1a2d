using FundingWeb.Core.Chains;

namespace FundingWeb.Core.Venues.Simulator;

/// <summary>A simulated venue's chain, as the world models it (no network); honours the venue's fault knob like its API.</summary>
public sealed class SimulatedChainProbe(SimulatedWorld world, string venueId) : IChainProbe
{
    public string Chain { get; } = SimChainProfile.For(venueId).Name;

    public Task<ChainReading> ProbeAsync(CancellationToken cancellationToken) => Task.FromResult(world.IsFailing(venueId)
        ? ChainReading.Unreadable(Chain, world.SimNowMs, "simulated fault: the chain's RPC is failing (fault knob on)")
        : world.Chain(venueId));
}
