using System.Net;
using FundingWeb.Core.Alerts;
using Xunit;

namespace FundingWeb.Tests.Core.Alerts;

[Trait("Category", "Fast")]
public sealed class WebhookAddressPolicyTests
{
    // Each spelling of a refused address the URL parser accepts, and the URL shapes refused before any lookup.
    public static TheoryData<string> RefusedUrls => new()
    {
        "http://127.0.0.1/hook", "http://2130706433/hook", "http://0x7f000001/hook", "http://0177.0.0.1/hook", "http://127.1/hook",
        "http://017700000001/hook", "http://0x7f.1/hook", "http://[::1]/hook", "http://[::ffff:127.0.0.1]/hook", "http://[::ffff:7f00:1]/hook",
        "http://[0:0:0:0:0:ffff:127.0.0.1]/hook", "http://0/hook", "http://0.0.0.0/hook", "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.5/hook", "http://172.16.0.1/hook", "http://192.168.1.1/hook", "http://100.64.0.1/hook", "http://224.0.0.1/hook",
        "http://255.255.255.255/hook", "http://[fe80::1]/hook", "http://[fc00::1]/hook", "http://[ff02::1]/hook", "http://[::]/hook",
        "http://[64:ff9b::a9fe:a9fe]/hook", "http://[2002:7f00:1::]/hook", "http://[::127.0.0.1]/hook",
        "https://user:secret@hooks.example.com/hook", "http://hooks.example.com@127.0.0.1/hook", "ftp://hooks.example.com/hook",
        "file:///etc/passwd", "gopher://127.0.0.1:6379/_", "/relative/hook", "", "not a url",
    };

    [Theory]
    [MemberData(nameof(RefusedUrls))]
    public void CheckUrl_RefusedShapeOrAddress_SaysWhy(string url) => Assert.NotNull(new WebhookAddressPolicy().CheckUrl(url));

    [Theory]
    [InlineData("https://hooks.example.com/hook")]
    [InlineData("http://93.184.215.14:8080/hook")]
    [InlineData("https://[2606:4700::1111]/hook")]
    public void CheckUrl_PublicAddressOrAName_Passes(string url) => Assert.Null(new WebhookAddressPolicy().CheckUrl(url));

    [Theory]
    [InlineData("127.0.0.1", "http://127.0.0.1:5000/hook")]
    [InlineData("127.0.0.0/8", "http://[::ffff:127.0.0.9]/hook")]
    [InlineData("10.20.0.0/16", "http://10.20.3.4/hook")]
    [InlineData("::1", "http://[::1]:8080/hook")]
    public void CheckUrl_AllowListed_Passes(string allowed, string url) => Assert.Null(new WebhookAddressPolicy([allowed]).CheckUrl(url));

    [Theory]
    [InlineData("*.example.com")]
    [InlineData("10.0.0.0/33")]
    [InlineData("http://hooks.example.com")]
    public void Construct_AllowListEntryOfNoKnownShape_FailsNamingIt(string entry)
    {
        var error = Assert.Throws<ArgumentException>(() => new WebhookAddressPolicy([entry]));
        Assert.Contains(entry, error.Message);
    }

    [Theory]
    [InlineData("localhost", "127.0.0.1")]
    [InlineData("rebind.example.test", "127.0.0.1")]
    [InlineData("metadata.example.test", "169.254.169.254")]
    [InlineData("v6.example.test", "::1")]
    [InlineData("mapped.example.test", "::ffff:10.0.0.1")]
    public async Task Connect_NameResolvingToARefusedAddress_RefusedBeforeAnySocket(string host, string address)
    {
        var policy = new WebhookAddressPolicy(resolve: (_, _) => Task.FromResult(new[] { IPAddress.Parse(address) }));

        var error = await Assert.ThrowsAnyAsync<IOException>(() => policy.ConnectAsync(new DnsEndPoint(host, 80), default));

        Assert.Equal(WebhookAddressPolicy.RefusedReason, error.Message);
    }

    [Fact]
    public async Task Connect_NameThatDoesNotResolve_SameAnswerAsARefusedOne()
    {
        var policy = new WebhookAddressPolicy(resolve: (_, _) => throw new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound));

        var error = await Assert.ThrowsAnyAsync<IOException>(() => policy.ConnectAsync(new DnsEndPoint("db.internal", 80), default));

        Assert.Equal(WebhookAddressPolicy.RefusedReason, error.Message);
    }

    [Fact]
    public async Task Connect_NameResolvingToRefusedAndAllowedAddresses_ConnectsOnlyToTheAllowedOne()
    {
        // Two listeners on one port: 127.0.0.1 (refused, listed first) and 127.0.0.2 (allow-listed). Linux routes all of 127/8 to loopback.
        var refused = new System.Net.Sockets.TcpListener(IPAddress.Parse("127.0.0.1"), 0);
        refused.Start();
        var port = ((IPEndPoint)refused.LocalEndpoint).Port;
        var allowed = new System.Net.Sockets.TcpListener(IPAddress.Parse("127.0.0.2"), port);
        allowed.Start();
        try
        {
            var policy = new WebhookAddressPolicy(["127.0.0.2"], (_, _) => Task.FromResult(new[] { IPAddress.Parse("127.0.0.1"), IPAddress.Parse("127.0.0.2") }));

            await using var stream = await policy.ConnectAsync(new DnsEndPoint("two.example.test", port), default);
            using var accepted = await allowed.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(10));

            Assert.Equal(IPAddress.Parse("127.0.0.2"), ((IPEndPoint)accepted.Client.LocalEndPoint!).Address);
            Assert.False(refused.Pending());
        }
        finally
        {
            refused.Stop();
            allowed.Stop();
        }
    }
}
