namespace FundingWeb.Hosting;

/// <summary>
/// Bound from <c>ForwardedHeaders</c>. Off by default: the app then trusts only its own connection, so a client cannot
/// claim another address or HTTPS with a header. On behind a reverse proxy that terminates TLS: X-Forwarded-For and
/// X-Forwarded-Proto are read from the listed proxies only, which makes cookies Secure and sign-in throttling see the
/// real client.
/// </summary>
public sealed class ProxyOptions
{
    public bool Enabled { get; set; }

    /// <summary>Proxy addresses, e.g. "10.0.0.5". With none here and none in <see cref="KnownNetworks"/>, loopback only.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR form, e.g. "10.0.0.0/24".</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row may add to X-Forwarded-For.</summary>
    public int ForwardLimit { get; set; } = 1;
}
