using FundingWeb.Core.Depth;
using FundingWeb.Core.Live;
using FundingWeb.Core.Storage;
using FundingWeb.Polling;
using Microsoft.Extensions.Options;

namespace FundingWeb.Hosting;

public static class DepthServiceExtensions
{
    /// <summary>
    /// Order-book depth: the per-venue depth poller and its retention, the latest books in memory, the interest score pages
    /// feed (<see cref="DepthInterest.Touch"/>) and the one <see cref="SlippageService"/> Spreads, Carry and Portfolio use.
    /// Needs <c>AddFundingCore</c> and <c>AddFundingPolling</c> first (the hub, the store, the simulated world).
    /// </summary>
    public static IServiceCollection AddFundingDepth(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DepthOptions>(configuration.GetSection("Depth"));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DepthOptions>>().Value);
        services.AddSingleton<DepthBookStore>();
        services.AddSingleton(sp => new DepthInterest(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<DepthOptions>().InterestHalfLife));
        services.AddSingleton(sp => new SlippageService(sp.GetRequiredService<MarketHub>(), sp.GetRequiredService<DepthBookStore>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<DepthOptions>()));
        // The portfolio stress reads its markets (betas, funding tails, ladder clusters) through the one ladder service.
        services.AddSingleton<Core.Portfolio.PortfolioMarketReader>();
        services.AddSingleton(sp => new DepthRepository(sp.GetRequiredService<DbConnectionFactory>()));
        services.AddSingleton<DepthSourceCatalog>();
        services.AddHostedService<DepthPoller>();
        services.AddHostedService<DepthRetentionService>();
        return services;
    }
}
