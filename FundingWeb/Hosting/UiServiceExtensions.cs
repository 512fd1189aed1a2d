using Radzen;

namespace FundingWeb.Hosting;

public static class UiServiceExtensions
{
    public static IServiceCollection AddFundingUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddRadzenComponents();
        return services;
    }
}
