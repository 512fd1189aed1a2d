using MudBlazor.Services;

namespace FundingWeb.Hosting;

public static class UiServiceExtensions
{
    public static IServiceCollection AddFundingUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        return services;
    }
}
