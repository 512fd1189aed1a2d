using MudBlazor.Services;

namespace FundingWeb.Hosting;

public static class UiServiceExtensions
{
    /// <summary>
    /// Razor components on Blazor Server with the circuit settings chosen for a desk dashboard (README, "Live circuits"):
    /// a dropped connection (a laptop lid, a proxy blip) keeps its circuit 3 minutes to resume where it was, at most 100 such
    /// circuits are kept (a flood of abandoned tabs cannot hold memory), a JS call the browser does not answer in 30 s fails
    /// instead of holding the circuit, and no browser→server message may exceed 32 KB (PRODUCT.md: exports happen in the
    /// browser or over plain GET, so nothing legitimate is bigger).
    /// </summary>
    public static IServiceCollection AddFundingUi(this IServiceCollection services)
    {
        services.AddRazorComponents()
            .AddInteractiveServerComponents(o =>
            {
                o.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(3);
                o.DisconnectedCircuitMaxRetained = 100;
                o.JSInteropDefaultCallTimeout = TimeSpan.FromSeconds(30);
                o.MaxBufferedUnacknowledgedRenderBatches = 10;
            })
            .AddHubOptions(o =>
            {
                o.MaximumReceiveMessageSize = 32 * 1024;
                o.ClientTimeoutInterval = TimeSpan.FromSeconds(30);
                o.KeepAliveInterval = TimeSpan.FromSeconds(15);
            });
        services.AddMudServices();
        services.AddSingleton<Model.HeatmapModels>();
        services.AddSingleton<Model.OverviewTableModels>();
        return services;
    }
}
