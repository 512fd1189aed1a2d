using System.Diagnostics;
using System.Text.RegularExpressions;

namespace FundingWeb.Tests.Fixtures;

/// <summary>
/// One node of a deployment as its own OS process: the built FundingWeb binary with command-line flags, on a free
/// loopback port, so it can really be killed with SIGKILL. Its output goes to a log file beside the test binaries
/// (TestResults/nodes/NAME.log) for when a test fails.
/// </summary>
public sealed partial class NodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private NodeProcess(string name, Process process, StreamWriter log, string baseUrl)
    {
        Name = name;
        _process = process;
        _log = log;
        BaseUrl = baseUrl;
    }

    public string Name { get; }
    public string BaseUrl { get; }
    public string Address => new Uri(BaseUrl).Authority;
    public string LogPath => Path.Combine(LogDirectory, Name + ".log");
    public bool HasExited => _process.HasExited;

    public static string LogDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "nodes");

    public static async Task<NodeProcess> StartAsync(string name, IEnumerable<string> args)
    {
        Directory.CreateDirectory(LogDirectory);
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "FundingWeb"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var arg in new[] { "--urls", "http://127.0.0.1:0", $"--NodeName={name}" }.Concat(args)) info.ArgumentList.Add(arg);
        var log = new StreamWriter(Path.Combine(LogDirectory, name + ".log"), append: false) { AutoFlush = true };
        var process = Process.Start(info)!;
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Line(string? line)
        {
            if (line is null) return;
            lock (log) log.WriteLine(line);
            if (Listening().Match(line) is { Success: true } m) listening.TrySetResult(m.Groups[1].Value);
        }
        process.OutputDataReceived += (_, e) => Line(e.Data);
        process.ErrorDataReceived += (_, e) => Line(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(listening.Task, exited, Task.Delay(TimeSpan.FromSeconds(90)));
        if (first != listening.Task)
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"Node {name} did not start; see {Path.Combine(LogDirectory, name + ".log")}");
        }
        return new NodeProcess(name, process, log, listening.Task.Result);
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush, no lease given back: exactly a crash.</summary>
    public void Kill9()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        Kill9();
        _process.Dispose();
        lock (_log) _log.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex Listening();
}
