using System.Net;
using FundingWeb.Core.Live;
using FundingWeb.Core.Telemetry;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace FundingWeb.Hosting;

public static class TelemetryServiceExtensions
{
    /// <summary>
    /// The <c>FundingWeb</c> meter through OpenTelemetry: a Prometheus scrape endpoint and, when configured, an OTLP push;
    /// circuit counting and per-client limits for the live path.
    /// </summary>
    public static IServiceCollection AddFundingTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MetricsOptions>(configuration.GetSection("Metrics"));
        services.Configure<LiveLimitsOptions>(configuration.GetSection("Live:Limits"));
        var metrics = configuration.GetSection("Metrics").Get<MetricsOptions>() ?? new MetricsOptions();
        // Each entry must parse at start: a typo would otherwise open or close the scrape silently.
        _ = AllowedNetworks(metrics);
        services.AddOpenTelemetry().WithMetrics(m =>
        {
            m.AddMeter(FundingMetrics.MeterName);
            if (metrics.Enabled) m.AddPrometheusExporter();
            if (!string.IsNullOrWhiteSpace(metrics.OtlpEndpoint))
            {
                var endpoint = Uri.TryCreate(metrics.OtlpEndpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                    ? uri
                    : throw new InvalidOperationException($"Metrics:OtlpEndpoint '{metrics.OtlpEndpoint}' is not an http(s) URL.");
                m.AddOtlpExporter(o => o.Endpoint = endpoint);
            }
        });
        services.AddSingleton<CircuitMetricsHandler>();
        services.AddSingleton<CircuitHandler>(sp => sp.GetRequiredService<CircuitMetricsHandler>());
        services.AddSingleton<CircuitLimit>();
        services.AddSingleton<HistoryLoadLimiter>();
        return services;
    }

    /// <summary>
    /// <c>GET /metrics</c> in Prometheus text format. With sign-in on it is off the public surface: team users and the
    /// configured networks only (403 for anyone else). Also ties the hub's subscriber count to its gauge.
    /// </summary>
    public static WebApplication MapFundingMetrics(this WebApplication app)
    {
        var hub = app.Services.GetRequiredService<MarketHub>();
        var gauge = FundingMetrics.ObserveSubscribers(() => hub.SubscriberCount);
        app.Lifetime.ApplicationStopped.Register(gauge.Dispose);

        var options = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (!options.Enabled) return app;
        var networks = AllowedNetworks(options);
        var signInOn = app.Configuration.GetValue<bool>("Auth:Enabled");
        app.MapPrometheusScrapingEndpoint(options.Path).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var address = http.Connection.RemoteIpAddress is { IsIPv4MappedToIPv6: true } mapped ? mapped.MapToIPv4() : http.Connection.RemoteIpAddress;
            var listed = address is not null && networks.Any(n => n.Contains(address));
            var allowed = signInOn
                ? listed || http.User.Identity?.IsAuthenticated == true
                : networks.Count == 0 || listed;
            return allowed ? await next(context) : Results.StatusCode(StatusCodes.Status403Forbidden);
        }).AllowAnonymous();
        return app;
    }

    private static List<System.Net.IPNetwork> AllowedNetworks(MetricsOptions options) =>
        options.AllowedNetworks.Select(entry =>
        {
            var text = entry.Trim();
            if (System.Net.IPNetwork.TryParse(text, out var network)) return network;
            if (IPAddress.TryParse(text, out var address)) return new System.Net.IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            throw new InvalidOperationException($"Metrics:AllowedNetworks has '{entry}', which is not an IP address or a CIDR network (e.g. 10.0.0.0/24).");
        }).ToList();
}
