using FundingWeb.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FundingWeb.Tests.Fixtures;

/// <summary>
/// The real app (same composition root as Program.cs) on Kestrel at 127.0.0.1:0 with its own SQLite file.
/// <paramref name="args"/> are command-line overrides, exactly as a user would pass them; <c>configure</c> is the seam
/// for swapping services before the app is built.
/// </summary>
public sealed class FundingWebServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;

    private FundingWebServer(WebApplication app, string directory, string databasePath)
    {
        _app = app;
        _directory = directory;
        DatabasePath = databasePath;
    }

    public string BaseUrl { get; private set; } = "";
    public string DatabasePath { get; }
    public IServiceProvider Services => _app.Services;

    public static async Task<FundingWebServer> StartAsync(string[]? args = null, Action<WebApplicationBuilder>? configure = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "fundingweb-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var databasePath = Path.Combine(directory, "app.db");
        string[] defaults =
        [
            "--urls=http://127.0.0.1:0",
            $"--Storage:Path={databasePath}",
            "--Feed:Simulator:BackfillDays=3",
            "--Feed:Simulator:PollInterval=00:00:00.500",
            "--Feed:Simulator:CongestionEveryHours=0",
            // Every poll persisted, so tests see rows land at poll speed (the 30 s default is pinned in RawRowSamplerTests).
            "--Storage:RawInterval=00:00:00",
            "--Logging:LogLevel:Default=Warning",
        ];
        var builder = FundingWebApp.CreateBuilder([.. defaults, .. args ?? []]);
        configure?.Invoke(builder);
        var app = FundingWebApp.Build(builder);
        await app.StartAsync();
        var server = new FundingWebServer(app, directory, databasePath);
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
