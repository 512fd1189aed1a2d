using System.Net;
using FundingWeb.Hosting;
using FundingWeb.Tests.Fixtures;
using Xunit;

namespace FundingWeb.Tests.Hosting;

[Trait("Category", "Slow")]
public class LocalUrlTests
{
    /// <summary>Return targets that must become "/": off-site once a browser cleans them, or unsendable in a header.</summary>
    public static TheoryData<string?> Refused => new()
    {
        null, "", " ", "x", "funding", "https://example.com", "http://example.com/", "//example.com", "///example.com", "/\\example.com",
        "\\\\example.com", "/\t/example.com", "/\r\n/example.com", "/\n/example.com", "/\0", "/\x7f", "/\x01x", "/a\\b", " /funding",
        "/é", "/\u2028x", "/\ufeff", "/a b", "javascript:alert(1)", "/" + new string('a', LocalUrl.MaxLength),
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void OrRoot_HostileOrUnsendable_Root(string? url) => Assert.Equal("/", LocalUrl.OrRoot(url));

    [Theory]
    [InlineData("/")]
    [InlineData("/funding?asset=BTC&range=7d")]
    [InlineData("/s/abc-_DEF")]
    [InlineData("/funding?asset=BTC&from=2025-01-01T00%3A00%3A00Z")]
    [InlineData("/%2F/example.com")]
    public void OrRoot_PlainLocalPath_Kept(string url) => Assert.Equal(url, LocalUrl.OrRoot(url));

    /// <summary>The same family as it arrives in a query string, encoded.</summary>
    private static readonly string[] EncodedReturns =
    [
        "/%09/example.com", "/%0d%0a/example.com", "/%00", "/%7f", "%2F%2Fexample.com", "/%5Cexample.com", "%5C%5Cexample.com",
        "https%3A%2F%2Fexample.com", "/%C3%A9", "/%E2%80%A8", "/" + new string('a', 3000), "/%20/example.com",
    ];

    [Fact]
    public async Task Theme_EveryHostileReturn_RedirectsHomeNeverA500()
    {
        await using var server = await FundingWebServer.StartAsync();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(server.BaseUrl) };

        foreach (var value in EncodedReturns)
        {
            using var response = await http.GetAsync($"/theme?set=light&return={value}");
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{value}: {(int)response.StatusCode}");
            Assert.Equal("/", response.Headers.Location!.OriginalString);
        }
        using var kept = await http.GetAsync("/theme?set=light&return=%2Ffunding%3Fasset%3DBTC");
        Assert.Equal("/funding?asset=BTC", kept.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignIn_HostileReturnUrl_FormCarriesRootAndThePostRedirectsHome()
    {
        await using var server = await FundingWebServer.StartAsync(SignInForm.Args("pw"));
        var form = new SignInForm(server.BaseUrl);

        foreach (var value in EncodedReturns)
        {
            var page = await form.GetAsync("/signin?returnUrl=" + value);
            Assert.Contains("name=\"returnUrl\" value=\"/\"", page);
            // A crafted post goes home too, or, where the form itself cannot be read (a NUL), is a 400: never a 500.
            using var posted = await form.PostAsync("ana", "pw", WebUtility.UrlDecode(value));
            if (value == "/%00") Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
            else Assert.True(posted.StatusCode == HttpStatusCode.Redirect && posted.Headers.Location!.OriginalString == "/", $"{value}: {(int)posted.StatusCode}");
        }
    }
}
