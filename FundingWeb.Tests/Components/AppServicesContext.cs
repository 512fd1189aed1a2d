using FundingWeb.Hosting;
using FundingWeb.Tests.Fixtures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>
/// bUnit over the app's own registrations (storage, sharing, alerts, polling: the same extension methods Program uses) on
/// a real SQLite file, with the base context's manual clock and hub in place of the system ones. Hosted services are
/// registered but never started: a test starts what it needs (the alert monitor) itself.
/// </summary>
public abstract class AppServicesContext : DashboardContext, IAsyncLifetime
{
    protected AppServicesContext()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Path"] = Database.Path,
            ["Alerts:Webhooks:AllowedHosts:0"] = "127.0.0.1",
        }).Build();
        Services.AddLogging();
        Services.AddSingleton<IConfiguration>(configuration);
        Services.AddFundingCore(configuration);
        Services.AddFundingPolling(configuration);
        Services.AddFundingDepth(configuration);
        Services.AddFundingSharing(configuration);
        Services.AddFundingAlerts(configuration);
        // Registered after the app's: the last registration is the one resolved.
        Services.AddSingleton<TimeProvider>(Time);
        Services.AddSingleton(Hub);
    }

    protected TempDatabase Database { get; } = new();

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>
    /// xUnit disposes a test class synchronously; MudBlazor registers services that can only be disposed asynchronously,
    /// so the container is disposed here first (the later synchronous dispose then finds it done).
    /// </summary>
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Database.Dispose();
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        Database.Dispose();
    }
}
