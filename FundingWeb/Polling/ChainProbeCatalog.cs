using FundingWeb.Core.Chains;
using FundingWeb.Core.Venues.Simulator;
using FundingWeb.Hosting;
using Microsoft.Extensions.Options;

namespace FundingWeb.Polling;

/// <summary>
/// Which chain probe each venue has: simulated chains for the simulated feed; in live mode the <c>Chains:{venue}</c>
/// configuration (a public keyless endpoint per venue; none configured, no probe). Matching engines run off-chain: a probe
/// tells chain and API health, never the engine's.
/// </summary>
public sealed class ChainProbeCatalog
{
    public const string HttpClientName = "chains";

    public ChainProbeCatalog(IOptions<FeedOptions> feed, VenueClientCatalog venues, IServiceProvider services, IConfiguration configuration)
    {
        var time = services.GetRequiredService<TimeProvider>();
        var targets = new List<ChainProbeTarget>();
        foreach (var venue in venues.Targets.Select(t => t.Client.Venue))
        {
            var options = new ChainOptions();
            configuration.GetSection($"Chains:{venue.Id}").Bind(options);
            if (feed.Value.Mode == FeedMode.Simulated)
            {
                var world = services.GetRequiredService<SimulatedWorld>();
                targets.Add(new ChainProbeTarget(venue, new SimulatedChainProbe(world, venue.Id), ChainLimits.From(options), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)));
                continue;
            }
            if (Create(options, venue.Id, services, time) is { } probe)
            {
                targets.Add(new ChainProbeTarget(venue, probe, ChainLimits.From(options), options.PollInterval, options.RequestTimeout * 3));
            }
        }
        Targets = targets;
    }

    public IReadOnlyList<ChainProbeTarget> Targets { get; }

    private static IChainProbe? Create(ChainOptions options, string venueId, IServiceProvider services, TimeProvider time)
    {
        if (string.IsNullOrWhiteSpace(options.RpcUrl) || string.IsNullOrWhiteSpace(options.Kind)) return null;
        if (string.IsNullOrWhiteSpace(options.Name)) options.Name = venueId + " chain";
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
        var edge = JsonRpc.Http(http, options, time);
        return options.Kind.Trim().ToLowerInvariant() switch
        {
            "evm" => new EvmChainProbe(new JsonRpc(edge), options, time),
            "starknet" => new StarknetChainProbe(new JsonRpc(edge), options, time),
            "dydxindexer" => new DydxHeightProbe(edge, options, time),
            _ => throw new InvalidOperationException($"Chains:{venueId}:Kind is '{options.Kind}'; use Evm, Starknet or DydxIndexer (or leave it empty for no probe)."),
        };
    }
}
