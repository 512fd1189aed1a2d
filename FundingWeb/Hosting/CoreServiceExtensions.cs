using FundingWeb.Core.Cluster;
using FundingWeb.Core.Ingest;
using FundingWeb.Core.Live;
using FundingWeb.Core.Storage;
using Microsoft.Extensions.Options;

namespace FundingWeb.Hosting;

public static class CoreServiceExtensions
{
    /// <summary>Storage (migrated on first use), the live hub, the ingest pipeline and, on PostgreSQL, the cluster plumbing.</summary>
    public static IServiceCollection AddFundingCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.Configure<FeedOptions>(configuration.GetSection("Feed"));
        services.Configure<StorageOptions>(configuration.GetSection("Storage"));
        // A bad interval stops the start with the setting named, not the first page that subscribes.
        services.AddOptions<LiveOptions>().Bind(configuration.GetSection("Live")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LiveOptions>, LiveOptionsCheck>();
        services.Configure<Core.Funding.FundingOptions>(configuration.GetSection("Funding"));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<Core.Funding.FundingOptions>>().Value);

        var node = NodeOptions.From(configuration);
        var provider = configuration.GetValue<StorageProvider?>("Storage:Provider") ?? StorageProvider.Sqlite;
        if (provider == StorageProvider.Sqlite && node.Role != NodeRole.All)
        {
            throw new InvalidOperationException(
                $"Role={node.Role} needs Storage:Provider=Postgres: a SQLite file has one process and one writer, so it cannot be shared by nodes.");
        }
        services.AddSingleton(node);
        services.AddSingleton<DbConnectionFactory>(sp =>
        {
            var feed = sp.GetRequiredService<IOptions<FeedOptions>>().Value;
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            DbConnectionFactory factory;
            if (storage.Provider == StorageProvider.Postgres)
            {
                if (string.IsNullOrWhiteSpace(storage.ConnectionString))
                {
                    throw new InvalidOperationException("Storage:Provider=Postgres needs Storage:ConnectionString (Host=…;Port=…;Database=…;Username=…;Password=…).");
                }
                factory = new PostgresConnectionFactory(storage.ConnectionString);
            }
            else
            {
                factory = new SqliteConnectionFactory(string.IsNullOrWhiteSpace(storage.Path) ? feed.DefaultDatabasePath : storage.Path, storage.BusyTimeout);
            }
            SchemaMigrator.Migrate(factory, feed.Mode.ToString());
            if (factory is PostgresConnectionFactory postgres) PostgresPartitions.Ensure(postgres, sp.GetRequiredService<TimeProvider>(), storage.HistoryRetention);
            return factory;
        });
        services.AddSingleton(sp => new ClusterChannel(sp.GetRequiredService<DbConnectionFactory>(), node.Name, sp.GetRequiredService<ILogger<ClusterChannel>>()));
        services.AddSingleton<ILeadership>(sp => sp.GetRequiredService<DbConnectionFactory>() is PostgresConnectionFactory postgres
            ? new PostgresLeadership(postgres, sp.GetRequiredService<ClusterChannel>().Node, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<PostgresLeadership>>())
            : new SingleNodeLeadership());
        services.AddSingleton(sp => new MarketDataRepository(sp.GetRequiredService<DbConnectionFactory>(), sp.GetRequiredService<ClusterChannel>().Node));
        services.AddSingleton(sp => new ReferenceRateRepository(sp.GetRequiredService<DbConnectionFactory>()));
        services.AddSingleton<MarketDataQueries>();
        services.AddSingleton<HistoryQueries>();
        services.AddSingleton<LiveSnapshotLoader>();
        services.AddSingleton<MarketHub>();
        services.AddSingleton(sp => new VenueIngestor(sp.GetRequiredService<MarketDataRepository>(), sp.GetRequiredService<MarketHub>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<StorageOptions>>().Value.RawInterval,
            sp.GetRequiredService<Core.Funding.FundingOptions>().EffectiveSanityBound1h));
        services.AddSingleton<VenueBackfill>();
        if (provider == StorageProvider.Postgres)
        {
            services.AddSingleton<ClusterListener>();
            services.AddHostedService(sp => sp.GetRequiredService<ClusterListener>());
            services.AddSingleton(sp => new LiveFanOut(sp.GetRequiredService<LiveSnapshotLoader>(), sp.GetRequiredService<MarketHub>(),
                sp.GetRequiredService<ClusterChannel>(), sp.GetRequiredService<ILeadership>(), sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<LiveFanOut>>(), sp.GetRequiredService<Polling.VenueClientCatalog>().StaleAfter));
            services.AddHostedService(sp => sp.GetRequiredService<LiveFanOut>());
        }
        return services;
    }
}

/// <summary>Rejects live settings that cannot run (<see cref="LiveOptions.Problem"/>).</summary>
internal sealed class LiveOptionsCheck : IValidateOptions<LiveOptions>
{
    public ValidateOptionsResult Validate(string? name, LiveOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
