using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace FundingWeb.Tests.Fixtures;

/// <summary>
/// Debian's nginx in front of two web nodes, configured from the repo's reference template (deploy/nginx.conf.template,
/// copied beside the test binaries) on a free loopback port, in a temp prefix. The README's test command installs it.
/// </summary>
public sealed class NginxProxy : IDisposable
{
    public static string NginxPath => Environment.GetEnvironmentVariable("NGINX_PATH") ?? "/usr/sbin/nginx";

    private readonly Process _process;
    private readonly string _prefix;

    private NginxProxy(Process process, string prefix, int port)
    {
        _process = process;
        _prefix = prefix;
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    public string BaseUrl { get; }

    public static async Task<NginxProxy> StartAsync(string web1, string web2)
    {
        if (!File.Exists(NginxPath)) throw new InvalidOperationException($"nginx not found at {NginxPath}. The README's test command installs it (apt-get install nginx).");
        var prefix = Directory.CreateTempSubdirectory("fundingweb-nginx-").FullName;
        var port = FreePort();
        var config = Render(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "deploy", "nginx.conf.template")), prefix, $"127.0.0.1:{port}", web1, web2);
        var path = Path.Combine(prefix, "nginx.conf");
        await File.WriteAllTextAsync(path, config);
        var info = new ProcessStartInfo(NginxPath) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-p", prefix, "-c", path, "-e", Path.Combine(prefix, "error.log") }) info.ArgumentList.Add(a);
        var process = Process.Start(info)!;
        var proxy = new NginxProxy(process, prefix, port);
        using var http = new HttpClient();
        await Eventually.TrueAsync(async () =>
        {
            if (process.HasExited) throw new InvalidOperationException($"nginx exited: {await process.StandardError.ReadToEndAsync()}");
            try { return (await http.GetAsync(proxy.BaseUrl + "/healthz")).IsSuccessStatusCode; }
            catch (HttpRequestException) { return false; }
        }, TimeSpan.FromSeconds(30), "nginx to answer");
        return proxy;
    }

    /// <summary>The template with its placeholders filled, as deploy/run.sh fills them.</summary>
    public static string Render(string template, string prefix, string listen, string web1, string web2) => template
        .Replace("@@USER_LINE@@", Environment.UserName == "root" ? "user root;" : "")
        .Replace("@@PREFIX@@", prefix)
        .Replace("@@LISTEN@@", listen)
        .Replace("@@WEB1_RE@@", Regex.Escape(web1))
        .Replace("@@WEB2_RE@@", Regex.Escape(web2))
        .Replace("@@WEB1@@", web1)
        .Replace("@@WEB2@@", web2);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
        try { Directory.Delete(_prefix, recursive: true); } catch (IOException) { }
    }
}
