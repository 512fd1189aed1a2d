namespace FundingWeb.Hosting;

/// <summary>Bound from <c>Live:Limits</c>: what one client may hold at once, so one desk cannot starve the team.</summary>
public sealed class LiveLimitsOptions
{
    /// <summary>Live connections (tabs) per client: a signed-in user, else an address (IPv6 by its /64).</summary>
    public int MaxCircuitsPerClient { get; set; } = 20;

    /// <summary>History reads (a page load or range change) one client may run at once; the rest wait their turn.</summary>
    public int MaxConcurrentLoadsPerClient { get; set; } = 2;

    /// <summary>History reads the whole app runs at once.</summary>
    public int MaxConcurrentLoads { get; set; } = 8;
}
