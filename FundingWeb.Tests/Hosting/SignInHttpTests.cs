using System.Net;
using FundingWeb.Tests.Fixtures;
using Xunit;

namespace FundingWeb.Tests.Hosting;

/// <summary>Sign-in over plain HTTP: lockout, server-side sessions, and cookies behind a TLS proxy.</summary>
[Trait("Category", "Slow")]
public class SignInHttpTests
{
    private const string Password = "correct horse";

    // An hour-long first lockout: the test cannot outlive it however slow the machine.
    private static string[] Args(params string[] extra) => [.. SignInForm.Args(Password), "--Auth:Lockout:BaseLockout=01:00:00", "--Auth:Lockout:MaxLockout=02:00:00", .. extra];

    [Fact]
    public async Task SignIn_WrongPasswordsPastTheFreeOnes_429WithRetryAfterEvenForTheRightPassword()
    {
        await using var server = await FundingWebServer.StartAsync(Args("--Auth:Lockout:FreeFailuresPerUser=3"));
        using var form = new SignInForm(server.BaseUrl);

        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            using var wrong = await form.PostAsync("ana", "wrong" + i);
            statuses.Add((int)wrong.StatusCode);
        }
        using var locked = await form.PostAsync("ana", Password);
        using var unknownUser = await form.PostAsync("nobody", "x");

        Assert.Equal([302, 302, 302, 302], statuses);
        Assert.Equal((HttpStatusCode)429, locked.StatusCode);
        Assert.InRange(locked.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));
        Assert.Contains("Too many wrong passwords", await locked.Content.ReadAsStringAsync());
        Assert.DoesNotContain("fw-auth", form.Cookies.Keys);
        Assert.Equal(HttpStatusCode.Redirect, unknownUser.StatusCode); // another name is not locked by ana's failures
    }

    [Fact]
    public async Task SignIn_ManyNamesFromOneClient_TheClientIsLocked()
    {
        await using var server = await FundingWebServer.StartAsync(Args("--Auth:Lockout:FreeFailuresPerClient=3"));
        using var form = new SignInForm(server.BaseUrl);

        for (var i = 0; i < 4; i++) (await form.PostAsync("guess" + i, "x")).Dispose();
        using var next = await form.PostAsync("ana", Password);

        Assert.Equal((HttpStatusCode)429, next.StatusCode);
    }

    [Fact]
    public async Task SignOut_OldCookieReplayed_RefusedAndStaysRefusedAfterARestart()
    {
        var directory = Path.Combine(Path.GetTempPath(), "fundingweb-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        string[] args = Args($"--Storage:Path={Path.Combine(directory, "app.db")}");
        try
        {
            Dictionary<string, string> copied;
            await using (var server = await FundingWebServer.StartAsync(args))
            {
                using var form = new SignInForm(server.BaseUrl);
                using var signedIn = await form.PostAsync("ana", Password, "/venues");
                Assert.Equal("/venues", signedIn.Headers.Location!.OriginalString);
                Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(server.BaseUrl, form.Cookies, "/venues"));
                copied = new Dictionary<string, string>(form.Cookies);

                using var signedOut = await form.SignOutAsync();
                Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
                // The browser dropped its cookie; a copy taken before sign-out no longer opens anything.
                Assert.Equal(HttpStatusCode.Redirect, await StatusWithAsync(server.BaseUrl, copied, "/venues"));
                Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(server.BaseUrl, copied, "/api/funding?asset=BTC"));
            }

            // The revocation is in the database, not in memory.
            var restarted = await FundingWebServer.StartAsync(args);
            Assert.Equal(HttpStatusCode.Redirect, await StatusWithAsync(restarted.BaseUrl, copied, "/venues"));
            // And a session that was not signed out survives the restart.
            using var again = new SignInForm(restarted.BaseUrl);
            (await again.PostAsync("ana", Password)).Dispose();
            Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(restarted.BaseUrl, again.Cookies, "/venues"));
            await using var third = await RestartAsync(restarted, args);
            Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(third.BaseUrl, again.Cookies, "/venues"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task SignIn_BehindATrustedTlsProxy_CookieIsSecureAndTheForwardedClientIsThrottled()
    {
        await using var server = await FundingWebServer.StartAsync(Args(
            "--ForwardedHeaders:Enabled=true", "--ForwardedHeaders:KnownProxies:0=127.0.0.1", "--Auth:Lockout:FreeFailuresPerClient=2"));
        using var proxied = new SignInForm(server.BaseUrl, ("X-Forwarded-Proto", "https"), ("X-Forwarded-For", "203.0.113.7"));
        using var otherClient = new SignInForm(server.BaseUrl, ("X-Forwarded-Proto", "https"), ("X-Forwarded-For", "203.0.113.8"));

        using var signedIn = await proxied.PostAsync("ana", Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains(proxied.SetCookies, c => c.StartsWith("fw-auth=", StringComparison.Ordinal));
        // Every cookie the app sets (session, antiforgery, theme) is Secure when the client's connection is HTTPS.
        (await proxied.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/theme?set=light&return=/"))).Dispose();
        Assert.All(proxied.SetCookies, c => Assert.Contains("; secure", c.ToLowerInvariant()));

        for (var i = 0; i < 3; i++) (await proxied.PostAsync("guess" + i, "x")).Dispose();
        using var locked = await proxied.PostAsync("ana", Password);
        using var notLocked = await otherClient.PostAsync("ana", Password);
        Assert.Equal((HttpStatusCode)429, locked.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, notLocked.StatusCode);
    }

    [Fact]
    public async Task SignIn_ForwardedHeadersOff_HeadersIgnored()
    {
        await using var server = await FundingWebServer.StartAsync(Args("--Auth:Lockout:FreeFailuresPerClient=2"));
        using var spoofing = new SignInForm(server.BaseUrl, ("X-Forwarded-Proto", "https"), ("X-Forwarded-For", "203.0.113.7"));
        using var spoofingOther = new SignInForm(server.BaseUrl, ("X-Forwarded-Proto", "https"), ("X-Forwarded-For", "203.0.113.8"));

        using var signedIn = await spoofing.PostAsync("ana", Password);
        Assert.DoesNotContain("secure", Assert.Single(spoofing.SetCookies, c => c.StartsWith("fw-auth=", StringComparison.Ordinal)).ToLowerInvariant());

        for (var i = 0; i < 3; i++) (await spoofing.PostAsync("guess" + i, "x")).Dispose();
        // A made-up X-Forwarded-For does not make a new client.
        using var stillLocked = await spoofingOther.PostAsync("ana", Password);
        Assert.Equal((HttpStatusCode)429, stillLocked.StatusCode);
    }

    private static async Task<FundingWebServer> RestartAsync(FundingWebServer running, string[] args)
    {
        await running.DisposeAsync();
        return await FundingWebServer.StartAsync(args);
    }

    private static async Task<HttpStatusCode> StatusWithAsync(string baseUrl, IReadOnlyDictionary<string, string> cookies, string url)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(baseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }
}
