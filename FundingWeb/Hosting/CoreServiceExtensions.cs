using FundingWeb.Core.Ingest;
using FundingWeb.Core.Live;
using FundingWeb.Core.Storage;
using Microsoft.Extensions.Options;

namespace FundingWeb.Hosting;

public static class CoreServiceExtensions
{
    /// <summary>Storage (migrated on first use), the live hub and the ingest pipeline.</summary>
    public static IServiceCollection AddFundingCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.Configure<FeedOptions>(configuration.GetSection("Feed"));
        services.Configure<StorageOptions>(configuration.GetSection("Storage"));
        services.Configure<LiveOptions>(configuration.GetSection("Live"));
        services.Configure<Core.Funding.FundingOptions>(configuration.GetSection("Funding"));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<Core.Funding.FundingOptions>>().Value);

        services.AddSingleton(sp =>
        {
            var feed = sp.GetRequiredService<IOptions<FeedOptions>>().Value;
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var path = string.IsNullOrWhiteSpace(storage.Path) ? feed.DefaultDatabasePath : storage.Path;
            var factory = new SqliteConnectionFactory(path, storage.BusyTimeout);
            SchemaMigrator.Migrate(factory, feed.Mode.ToString());
            return factory;
        });
        services.AddSingleton<MarketDataRepository>();
        services.AddSingleton<MarketDataQueries>();
        services.AddSingleton<HistoryQueries>();
        services.AddSingleton<MarketHub>();
        services.AddSingleton(sp => new VenueIngestor(sp.GetRequiredService<MarketDataRepository>(), sp.GetRequiredService<MarketHub>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<StorageOptions>>().Value.RawInterval,
            sp.GetRequiredService<Core.Funding.FundingOptions>().EffectiveSanityBound1h));
        services.AddSingleton<VenueBackfill>();
        return services;
    }
}
