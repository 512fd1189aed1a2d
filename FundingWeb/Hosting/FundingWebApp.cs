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
        // Serves package assets (MudBlazor, blazor.web.js) from the build output in every environment, not only Development.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddFundingCore(builder.Configuration);
        builder.Services.AddFundingPolling(builder.Configuration);
        builder.Services.AddFundingDepth(builder.Configuration);
        builder.Services.AddFundingUi();
        builder.Services.AddFundingAuth(builder.Configuration);
        builder.Services.AddFundingForwardedHeaders(builder.Configuration);
        builder.Services.AddFundingSharing(builder.Configuration);
        builder.Services.AddFundingAlerts(builder.Configuration);
        builder.Services.AddFundingTelemetry(builder.Configuration);
        return builder;
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        // A poller node serves no pages: only its health, for the operator and the balancer's checks.
        if (!app.Services.GetRequiredService<NodeOptions>().ServesPages)
        {
            app.MapFundingHealth();
            return app;
        }
        app.UseFundingForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }
        // An unknown path (and the share gate's 404) renders the NotFound page with its status; Router.NotFoundPage alone
        // covers only navigation inside a live circuit, a GET of an unknown URL would answer an empty 404. GET and HEAD
        // only: re-executed, a POST would meet the page's antiforgery check and turn a 404 into a 400.
        app.UseWhen(context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method),
            page => page.UseStatusCodePagesWithReExecute(Components.Pages.NotFound.Path, createScopeForStatusCodePages: true));
        // Explicit, so the share gate below sees the endpoint routing chose.
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        CircuitLimit.UseFundingCircuitLimit(app);
        app.UseFundingShareGate();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapFundingHealth();
        app.MapFundingMetrics();
        app.MapFundingApi();
        app.MapFundingTheme();
        app.MapFundingAuth();
        var dashboard = app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        dashboard.Add(ShareEndpoints.MarkSharedView<Components.Pages.SharedView>);
        // Team sign-in is off for a local run. When on, every dashboard page needs a user, but the live connection
        // (/_blazor) and blazor.web.js stay open because shared links are viewed anonymously; MainLayout refuses to render
        // a dashboard page in a circuit without a user, so the open connection cannot reach one.
        if (app.Configuration.GetValue<bool>("Auth:Enabled"))
        {
            dashboard.Add(endpoint =>
            {
                // Pages only: the framework's scripts and the live connection are also mapped here and must stay reachable.
                if (endpoint.Metadata.OfType<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>().Any())
                {
                    endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute());
                }
            });
        }
        return app;
    }
}
