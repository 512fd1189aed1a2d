using FundingWeb.Core.Sharing;
using Microsoft.Extensions.Options;

namespace FundingWeb.Hosting;

public static class SharingServiceExtensions
{
    /// <summary>Share links (stored with the market data, schema 003 and 010), the pages' extras whitelist and the rate limiter; all singletons.</summary>
    public static IServiceCollection AddFundingSharing(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ShareLinkOptions>(configuration.GetSection("Sharing"));
        services.AddSingleton(sp => new ShareLinkRepository(
            sp.GetRequiredService<FundingWeb.Core.Storage.DbConnectionFactory>(), sp.GetRequiredService<FundingWeb.Core.Cluster.ClusterChannel>()));
        services.AddSingleton(sp => new ShareLinkService(sp.GetRequiredService<ShareLinkRepository>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ShareLinkService>>(), sp.GetRequiredService<FundingWeb.Core.Cluster.ClusterChannel>(),
            sp.GetRequiredService<IShareExtrasPolicy>()));
        services.AddSingleton<IShareExtrasPolicy>(Model.PageShareExtras.Instance);
        services.AddSingleton(sp => new ShareRateLimiter(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ShareLinkOptions>>().Value);
        return services;
    }
}
