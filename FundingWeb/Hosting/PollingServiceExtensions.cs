using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Simulator;
using FundingWeb.Polling;
using Microsoft.Extensions.Options;

namespace FundingWeb.Hosting;

public static class PollingServiceExtensions
{
    /// <summary>
    /// The venues of the configured feed and, unless this node is a web node, one poller per venue (while it leads that
    /// venue) plus retention.
    /// </summary>
    public static IServiceCollection AddFundingPolling(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SimulatorOptions>(configuration.GetSection("Feed:Simulator"));
        services.PostConfigure<SimulatorOptions>(o =>
        {
            if (configuration.GetValue<int?>("Feed:Seed") is { } seed) o.Seed = seed;
        });
        services.AddSingleton(sp => new SimulatedWorld(sp.GetRequiredService<IOptions<SimulatorOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<VenueClientCatalog>();
        services.AddSingleton<VenueConventionNotes>();
        services.AddHttpClient(LiveVenues.HttpClientName);
        services.Configure<ReferenceOptions>(configuration.GetSection("References"));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ReferenceOptions>>().Value);
        if (!NodeOptions.From(configuration).Polls) return services;
        if (ReferenceSources.Enabled(configuration))
        {
            services.AddSingleton(sp => ReferenceSources.Create(sp, configuration));
            services.AddSingleton(sp => new Core.Ingest.ReferenceIngestor(sp.GetRequiredService<Core.Storage.ReferenceRateRepository>(),
                sp.GetRequiredService<Core.Live.MarketHub>(), sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<Core.Funding.FundingOptions>().EffectiveSanityBound1h));
            services.AddHostedService<ReferencePoller>();
        }
        // By type, so a test can find and remove the poller's registration; its optional collaborators come from the container.
        services.AddHostedService<PollingSupervisor>();
        services.AddSingleton<ChainProbeCatalog>();
        services.AddHttpClient(ChainProbeCatalog.HttpClientName);
        services.AddSingleton(sp => new Core.Storage.VenueHealthHistory(sp.GetRequiredService<Core.Storage.MarketDataRepository>(), sp.GetRequiredService<TimeProvider>(),
            configuration.GetValue<TimeSpan?>("Storage:HealthInterval")));
        services.AddHostedService<ChainProbePoller>();
        services.AddHostedService<RetentionService>();
        return services;
    }
}
