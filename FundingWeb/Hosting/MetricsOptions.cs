namespace FundingWeb.Hosting;

/// <summary>Bound from <c>Metrics</c>.</summary>
public sealed class MetricsOptions
{
    /// <summary>Serve the Prometheus scrape at <see cref="Path"/>.</summary>
    public bool Enabled { get; set; } = true;

    public string Path { get; set; } = "/metrics";

    /// <summary>
    /// Clients (addresses or CIDR networks) a scraper may call from without signing in. With sign-in on, only team users and
    /// these may read the metrics; with sign-in off and this empty, the scrape is as open as the rest of the app.
    /// </summary>
    public List<string> AllowedNetworks { get; set; } = [];

    /// <summary>An OTLP/gRPC or OTLP/HTTP collector to push the same metrics to (e.g. http://127.0.0.1:4317); empty for none.</summary>
    public string? OtlpEndpoint { get; set; }
}
