using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace FundingWeb.Hosting;

public static class ProxyServiceExtensions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Reads <see cref="ProxyOptions"/>; a proxy entry that is not an address or a CIDR network stops the start with its value named.</summary>
    public static IServiceCollection AddFundingForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxy = configuration.GetSection(Section).Get<ProxyOptions>() ?? new ProxyOptions();
        var proxies = proxy.KnownProxies.Select(p => IPAddress.TryParse(p.Trim(), out var a) ? a : throw Bad("KnownProxies", p)).ToList();
        var networks = proxy.KnownNetworks.Select(n => System.Net.IPNetwork.TryParse(n.Trim(), out var net) ? net : throw Bad("KnownNetworks", n)).ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = Math.Max(1, proxy.ForwardLimit);
            // The framework's defaults trust loopback; a configured list replaces them.
            if (proxies.Count + networks.Count == 0) return;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var address in proxies) o.KnownProxies.Add(address);
            foreach (var network in networks) o.KnownIPNetworks.Add(network);
        });
        return services;
    }

    /// <summary>First in the pipeline, and only when configured on: everything after sees the client's address and scheme.</summary>
    public static WebApplication UseFundingForwardedHeaders(this WebApplication app)
    {
        if (app.Configuration.GetSection(Section).Get<ProxyOptions>()?.Enabled == true) app.UseForwardedHeaders();
        return app;
    }

    private static InvalidOperationException Bad(string key, string value) =>
        new($"{Section}:{key} has '{value}', which is not an IP address{(key == "KnownNetworks" ? " network in CIDR form (e.g. 10.0.0.0/24)" : "")}.");
}
