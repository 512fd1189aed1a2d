using FundingWeb.Core.Alerts;
using FundingWeb.Core.Cluster;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.Live;
using FundingWeb.Core.Regimes;
using FundingWeb.Core.Storage;
using Microsoft.Extensions.Options;

namespace FundingWeb.Hosting;

public static class AlertServiceExtensions
{
    /// <summary>
    /// Alert rules, their evaluation on every published snapshot (<see cref="AlertMonitor"/>, hosted), the in-app feed,
    /// webhook delivery (retry policy from <c>Alerts:Webhooks</c>) and the liquidation levels ladder rules read. Every node
    /// shows alerts; only nodes that poll stand for the alert lease (evaluate and send).
    /// </summary>
    public static IServiceCollection AddFundingAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WebhookOptions>(configuration.GetSection("Alerts:Webhooks"));
        services.AddSingleton(sp => new AlertRepository(
            sp.GetRequiredService<DbConnectionFactory>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ClusterChannel>()));
        services.AddSingleton<AlertFeed>();
        services.AddSingleton<MarketLiquidationLevels>();
        services.AddSingleton<FundingRegimeService>();
        // The Overview's regime heatmap reads the same regimes the alerts do.
        services.AddSingleton<IFundingRegimes>(sp => sp.GetRequiredService<FundingRegimeService>());
        services.AddHostedService<FundingRegimeRefresher>();
        // The dispatcher owns its HTTP client: every webhook connects through the outbound-address policy built from
        // Alerts:Webhooks:AllowedHosts, with no proxy and no redirects; a client from elsewhere could skip that.
        services.AddSingleton(sp => new WebhookDispatcher(
            sp.GetRequiredService<AlertRepository>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<WebhookOptions>>().Value,
            logger: sp.GetRequiredService<ILogger<WebhookDispatcher>>(), node: sp.GetRequiredService<ClusterChannel>().Node));
        services.AddSingleton(sp => new AlertMonitor(
            sp.GetRequiredService<MarketHub>(), sp.GetRequiredService<AlertRepository>(), sp.GetRequiredService<WebhookDispatcher>(),
            sp.GetRequiredService<AlertFeed>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<MarketLiquidationLevels>(),
            sp.GetRequiredService<ILogger<AlertMonitor>>(), sp.GetRequiredService<ILeadership>(), sp.GetRequiredService<ClusterChannel>(),
            canLead: sp.GetRequiredService<NodeOptions>().Polls, regimes: sp.GetRequiredService<FundingRegimeService>()));
        services.AddHostedService(sp => sp.GetRequiredService<AlertMonitor>());
        return services;
    }
}
