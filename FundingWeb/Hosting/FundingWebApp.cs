using FundingWeb.Components;

namespace FundingWeb.Hosting;

/// <summary>
/// The composition root, in two steps so tests can change the builder (swap venues, a temp database, port 0)
/// between them and still run exactly the app users run.
/// </summary>
public static class FundingWebApp
{
    public static WebApplicationBuilder CreateBuilder(string[] args, string? contentRoot = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(FundingWebApp).Assembly.GetName().Name,
            // The app reads the top-level appsettings.json, copied beside the binary, whatever the working directory.
            ContentRootPath = contentRoot ?? AppContext.BaseDirectory,
        });
        // Serves package assets (Radzen, blazor.web.js) from the build output in every environment, not only Development.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddFundingCore(builder.Configuration);
        builder.Services.AddFundingPolling(builder.Configuration);
        builder.Services.AddFundingUi();
        builder.Services.AddFundingSharing(builder.Configuration);
        return builder;
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapFundingHealth();
        app.MapFundingApi();
        app.MapFundingShares();
        app.MapFundingTheme();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
