namespace FundingWeb.Core.Venues.Simulator;

/// <summary>A simulated venue behind the same interface as a live one: raw rates in its own convention, faults on demand.</summary>
public sealed class SimulatedVenueClient(SimulatedWorld world, SimVenueProfile profile) : IVenueClient
{
    public VenueInfo Venue => profile.Info;

    public Task<VenuePoll> PollAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (world.IsFailing(profile.Info.Id))
        {
            throw new VenueException("simulated fault: the venue's API is failing (fault knob on)");
        }
        var o = world.Observe(profile.Info.Id);
        return Task.FromResult(new VenuePoll(world.SimNowMs, o.Markets, o.Funding, o.OpenInterest, o.Prices, o.Liquidations, [], o.DataTimeMs, o.Positions));
    }

    public Task<VenueHistory> GetHistoryAsync(Market market, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (world.IsFailing(profile.Info.Id))
        {
            throw new VenueException("simulated fault: the venue's API is failing (fault knob on)");
        }
        return Task.FromResult(world.History(profile.Info.Id, market.Symbol, from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds()));
    }
}
