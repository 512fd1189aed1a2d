using FundingWeb.Core.Alerts;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.Live;
using FundingWeb.Core.Storage;
using Microsoft.Extensions.Options;

namespace FundingWeb.Hosting;

public static class AlertServiceExtensions
{
    public const string WebhookClientName = "webhooks";

    /// <summary>
    /// Alert rules, their evaluation on every published snapshot (<see cref="AlertMonitor"/>, hosted), the in-app feed,
    /// webhook delivery (retry policy from <c>Alerts:Webhooks</c>) and the liquidation levels ladder rules read.
    /// </summary>
    public static IServiceCollection AddFundingAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WebhookOptions>(configuration.GetSection("Alerts:Webhooks"));
        services.AddSingleton(sp => new AlertRepository(
            sp.GetRequiredService<SqliteConnectionFactory>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<MarketDataRepository>().WriteGate));
        services.AddSingleton<AlertFeed>();
        services.AddSingleton<MarketLiquidationLevels>();
        services.AddHttpClient(WebhookClientName, (sp, http) =>
        {
            // Each attempt has its own deadline (WebhookOptions.AttemptTimeout); the client's must not cut it shorter.
            http.Timeout = sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AttemptTimeout + TimeSpan.FromSeconds(5);
        });
        services.AddSingleton(sp => new WebhookDispatcher(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(WebhookClientName), sp.GetRequiredService<AlertRepository>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<WebhookOptions>>().Value,
            logger: sp.GetRequiredService<ILogger<WebhookDispatcher>>()));
        services.AddSingleton(sp => new AlertMonitor(
            sp.GetRequiredService<MarketHub>(), sp.GetRequiredService<AlertRepository>(), sp.GetRequiredService<WebhookDispatcher>(),
            sp.GetRequiredService<AlertFeed>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<MarketLiquidationLevels>(),
            sp.GetRequiredService<ILogger<AlertMonitor>>()));
        services.AddHostedService(sp => sp.GetRequiredService<AlertMonitor>());
        return services;
    }
}
