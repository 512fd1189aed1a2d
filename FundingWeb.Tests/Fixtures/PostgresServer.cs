using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace FundingWeb.Tests.Fixtures;

/// <summary>
/// A throwaway PostgreSQL cluster for the test run: initdb into a temp folder, started on a free loopback port with
/// trust auth, stopped and deleted when the test process exits. PostgreSQL refuses to run as root, so as root the folder
/// is handed to the <c>postgres</c> user (Debian's package creates it) and the server runs as that user. Each test takes
/// its own database (<see cref="CreateDatabaseAsync"/>). The README's test command installs the Debian package.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);

    private readonly string _directory;
    private readonly string _bin;
    private readonly string? _runAs;

    private PostgresServer(string directory, string bin, string? runAs, int port)
    {
        _directory = directory;
        _bin = bin;
        _runAs = runAs;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The run's one cluster (started on first use).</summary>
    public static Task<PostgresServer> GetAsync() => Shared.Value;

    /// <summary>A new empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "fw_" + Guid.NewGuid().ToString("N")[..16];
        await using (var admin = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=fundingweb;Database={database};Pooling=true;Timeout=15;Command Timeout=60";

    private static async Task<PostgresServer> StartAsync()
    {
        var bin = FindBin() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin/initdb). The README's test command installs them (apt-get install postgresql).");
        var runAs = Environment.UserName == "root" ? "postgres" : null;
        var directory = Directory.CreateTempSubdirectory("fundingweb-pg-").FullName;
        if (runAs is not null) await RunAsync("chown", [runAs, directory], null);
        var port = FreePort();
        var server = new PostgresServer(directory, bin, runAs, port);
        var data = Path.Combine(directory, "data");
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "fundingweb", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"], runAs);
        // fsync off: a test cluster that dies is thrown away anyway. Sockets in the folder, not in /var/run/postgresql.
        await RunAsync(Path.Combine(bin, "pg_ctl"),
            ["-D", data, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60", "start",
             "-o", $"-c listen_addresses=127.0.0.1 -p {port} -k {directory} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"],
            runAs);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    private void Stop()
    {
        try
        {
            RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_directory, "data"), "-m", "immediate", "-w", "stop"], _runAs).GetAwaiter().GetResult();
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception)
        {
            // Exiting anyway: a cluster left behind is in a temp folder.
        }
    }

    private static string? FindBin() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => d, StringComparer.Ordinal)
                .Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            : null;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string[] args, string? runAs)
    {
        var info = runAs is null ? new ProcessStartInfo(file) : new ProcessStartInfo("runuser");
        if (runAs is not null)
        {
            foreach (var a in new[] { "-u", runAs, "--", file }) info.ArgumentList.Add(a);
        }
        foreach (var a in args) info.ArgumentList.Add(a);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.WorkingDirectory = "/";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}
