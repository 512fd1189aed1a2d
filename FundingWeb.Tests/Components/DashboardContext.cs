using Bunit;
using FundingWeb.Core.Live;
using FundingWeb.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>
/// bUnit with what every dashboard component needs: MudBlazor's services (its JS interop answered loosely), a real hub on a
/// manual clock, and our chart module answered strictly, so every call a component makes to it is one the test set up.
/// </summary>
public abstract class DashboardContext : BunitContext, IAsyncLifetime
{
    public const string ChartModulePath = "./js/charts.js";

    protected DashboardContext()
    {
        Time = new ManualTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        Hub = new MarketHub(Options.Create(new LiveOptions { MinPushInterval = TimeSpan.Zero }), Time);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Charts = JSInterop.SetupModule(ChartModulePath);
        Charts.Mode = JSRuntimeMode.Strict;
        Charts.Setup<string>("getTheme").SetResult("dark");
        foreach (var call in new[] { "create", "replace", "patch", "append", "setMarkers", "destroy", "downloadPng", "downloadSvg", "downloadText", "downloadBase64" })
        {
            Charts.SetupVoid(call, _ => true).SetVoidResult();
        }
        // Conditions, not time: a WaitFor on a loaded 2-core CI machine can need more than bUnit's default second.
        DefaultWaitTimeout = TimeSpan.FromSeconds(10);
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(Time);
        Services.AddSingleton(Hub);
        Services.AddSingleton<FundingWeb.Model.HeatmapModels>();
        Services.AddSingleton<FundingWeb.Model.OverviewTableModels>();
        // No regimes read unless a test registers some (AddFundingAlerts registers the app's).
        Services.AddSingleton<FundingWeb.Core.Alerts.IFundingRegimes>(FundingWeb.Core.Alerts.NoFundingRegimes.Instance);
        // Live pages queue their history reads per client (the cap a desk's fifty tabs queue behind).
        Services.AddSingleton(new FundingWeb.Hosting.HistoryLoadLimiter(Options.Create(new FundingWeb.Hosting.LiveLimitsOptions())));
    }

    protected ManualTimeProvider Time { get; }

    protected MarketHub Hub { get; }

    protected BunitJSModuleInterop Charts { get; }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's popover service (any tooltip, menu or select) disposes only asynchronously; xUnit's synchronous Dispose,
    // which runs after this, then finds the services already gone.
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    /// <summary>The calls our chart module received, by name.</summary>
    protected IReadOnlyList<JSRuntimeInvocation> ChartCalls(string identifier) =>
        Charts.Invocations.Where(i => i.Identifier == identifier).ToList();
}
