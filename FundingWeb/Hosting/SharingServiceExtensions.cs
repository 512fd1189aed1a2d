using FundingWeb.Core.Sharing;
using Microsoft.Extensions.Options;

namespace FundingWeb.Hosting;

public static class SharingServiceExtensions
{
    /// <summary>Share links (stored with the market data, schema 003) and their rate limiter; all singletons.</summary>
    public static IServiceCollection AddFundingSharing(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ShareLinkOptions>(configuration.GetSection("Sharing"));
        services.AddSingleton(sp => new ShareLinkRepository(
            sp.GetRequiredService<FundingWeb.Core.Storage.SqliteConnectionFactory>(), sp.GetRequiredService<FundingWeb.Core.Storage.MarketDataRepository>().WriteGate));
        services.AddSingleton<ShareLinkService>();
        services.AddSingleton(sp => new ShareRateLimiter(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ShareLinkOptions>>().Value);
        return services;
    }
}
