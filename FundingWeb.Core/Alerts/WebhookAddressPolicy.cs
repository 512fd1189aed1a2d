using System.Net;
using System.Net.Sockets;

namespace FundingWeb.Core.Alerts;

/// <summary>
/// Where webhooks may go. A webhook URL is typed by whoever can open the Alerts page (anyone on the network when sign-in
/// is off), so by default it may reach only public addresses: loopback, private, link-local (cloud metadata at
/// 169.254.169.254), CGNAT, multicast, unspecified, documentation and reserved ranges are refused, IPv6 forms that embed an
/// IPv4 address (mapped, compatible, 6to4, NAT64) by the address they embed. The check runs where the socket connects,
/// on the addresses just resolved (<see cref="ConnectAsync"/>), so a name that resolves differently later (DNS rebinding)
/// cannot slip past a check made earlier; however an address is spelled in the URL (decimal, hex, octal, short forms),
/// it is the resolved address that is judged. <see cref="WebhookOptions.AllowedHosts"/> lets chosen receivers through:
/// host names (exact, any case), addresses and CIDR networks.
/// </summary>
public sealed class WebhookAddressPolicy
{
    /// <summary>What a refused webhook records: the same words whether the name did not resolve or resolved somewhere refused, so the answer maps nothing.</summary>
    public const string RefusedReason = "refused: the host does not resolve to an address webhooks may reach (Alerts:Webhooks:AllowedHosts)";

    private static readonly IPNetwork[] Denied =
    [
        .. new[]
        {
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24",
            "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "100::/64", "2001::/32", "2001:db8::/32", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8",
        }.Select(IPNetwork.Parse),
    ];

    private readonly HashSet<string> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<IPNetwork> _networks = [];
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve;

    /// <param name="allowed">Host names, addresses ("127.0.0.1", "::1") and CIDR networks ("10.20.0.0/16") allowed although private.</param>
    /// <param name="resolve">Name resolution; the system resolver unless a test stands in for DNS.</param>
    public WebhookAddressPolicy(IEnumerable<string>? allowed = null, Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null)
    {
        foreach (var raw in allowed ?? [])
        {
            var entry = raw.Trim();
            if (IPAddress.TryParse(entry, out var address)) _networks.Add(new IPNetwork(Canonical(address), Canonical(address).AddressFamily == AddressFamily.InterNetwork ? 32 : 128));
            else if (entry.Contains('/') && IPNetwork.TryParse(entry, out var network)) _networks.Add(network);
            else if (Uri.CheckHostName(entry.TrimEnd('.')) == UriHostNameType.Dns) _hosts.Add(entry.TrimEnd('.'));
            else throw new ArgumentException($"Alerts:Webhooks:AllowedHosts has '{raw}', which is neither a host name, an IP address nor a CIDR network (e.g. 10.20.0.0/16).", nameof(allowed));
        }
        _resolve = resolve ?? ((host, ct) => Dns.GetHostAddressesAsync(host, ct));
    }

    /// <summary>
    /// Why <paramref name="url"/> cannot be a webhook, or null. Checked before any request: http or https only, no user
    /// name or password in it (they would be sent to the receiver and shown in lists), and a literal address judged as
    /// at connect time. Names are judged when they resolve.
    /// </summary>
    public string? CheckUrl(string? url)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return "not an absolute http:// or https:// URL";
        if (uri.UserInfo.Length > 0) return "a user name or password in the URL is not allowed";
        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && IPAddress.TryParse(uri.IdnHost, out var literal) && !IsAllowed(uri.IdnHost, literal))
        {
            return RefusedReason;
        }
        return null;
    }

    /// <summary>Whether a connection to <paramref name="address"/>, reached through the name <paramref name="host"/>, is allowed.</summary>
    public bool IsAllowed(string host, IPAddress address)
    {
        if (_hosts.Contains(host.TrimEnd('.'))) return true;
        var canonical = Canonical(address);
        if (_networks.Any(n => n.Contains(canonical) || n.Contains(address))) return true;
        return !Denied.Any(n => n.Contains(canonical) || n.Contains(address));
    }

    /// <summary>
    /// Resolves <paramref name="endpoint"/>, keeps the addresses <see cref="IsAllowed"/> passes and connects to the first
    /// that answers. Throws an <see cref="IOException"/> with <see cref="RefusedReason"/> when none is allowed (or the name
    /// does not resolve).
    /// </summary>
    public async Task<Stream> ConnectAsync(DnsEndPoint endpoint, CancellationToken cancellationToken)
    {
        var host = endpoint.Host.Trim('[', ']');
        IPAddress[] addresses;
        if (IPAddress.TryParse(host, out var literal)) addresses = [literal];
        else
        {
            try
            {
                addresses = await _resolve(host, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException)
            {
                throw new WebhookRefusedException();
            }
        }
        var allowed = addresses.Where(a => IsAllowed(host, a)).ToList();
        if (allowed.Count == 0) throw new WebhookRefusedException();
        SocketException? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw last!;
    }

    /// <summary>
    /// The handler every webhook request goes through: connects via <see cref="ConnectAsync"/>, never through a proxy
    /// (the proxy would make the connection, unchecked), never follows a redirect (a 3xx is the receiver's answer, and a
    /// failure), and sends no cookies.
    /// </summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        ConnectCallback = (context, cancellationToken) => new ValueTask<Stream>(ConnectAsync(context.DnsEndPoint, cancellationToken)),
        UseProxy = false,
        AllowAutoRedirect = false,
        UseCookies = false,
        // New connections resolve again, and so are checked again.
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    };

    /// <summary>The IPv4 address an IPv6 form embeds (mapped, compatible, 6to4, NAT64), else the address itself.</summary>
    public static IPAddress Canonical(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address;
        if (address.IsIPv4MappedToIPv6) return address.MapToIPv4();
        var b = address.GetAddressBytes();
        // ::a.b.c.d (IPv4-compatible, deprecated): twelve zero bytes then the address; :: and ::1 stay as they are.
        if (b.Take(12).All(x => x == 0) && !address.Equals(IPAddress.IPv6Any) && !address.Equals(IPAddress.IPv6Loopback)) return new IPAddress(b[12..16]);
        // 2002:AABB:CCDD::/48 (6to4) carries a.b.c.d in bytes 2-5.
        if (b[0] == 0x20 && b[1] == 0x02) return new IPAddress(b[2..6]);
        // 64:ff9b::/96 (NAT64 well-known prefix) translates to the last four bytes.
        if (b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b[4..12].All(x => x == 0)) return new IPAddress(b[12..16]);
        return address;
    }
}

/// <summary>The outbound-address policy refused every address of a webhook's host, or the host did not resolve.</summary>
internal sealed class WebhookRefusedException() : IOException(WebhookAddressPolicy.RefusedReason);
