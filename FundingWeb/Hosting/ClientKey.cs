using System.Net;
using System.Net.Sockets;

namespace FundingWeb.Hosting;

/// <summary>
/// Who a request comes from, for per-client limits: the signed-in user where there is one, else the client's address
/// (IPv6 by its /64, which one household or office usually holds whole). Behind a proxy, forwarded headers set the address.
/// </summary>
public static class ClientKey
{
    public static string Of(HttpContext context)
    {
        if (context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name }) return "user:" + name;
        return "ip:" + Network(context.Connection.RemoteIpAddress);
    }

    public static string Network(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
