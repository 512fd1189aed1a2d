using System.Net;
using System.Text.RegularExpressions;
using FundingWeb.Auth;

namespace FundingWeb.Tests.Hosting;

/// <summary>
/// The sign-in form driven over plain HTTP, cookies kept by hand (a cookie jar would hide what the server set: a Secure
/// cookie over http, a cookie meant to be dead). Extra headers go on every request, e.g. what a TLS proxy adds.
/// </summary>
public sealed partial class SignInForm(string baseUrl, params (string Name, string Value)[] headers) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(baseUrl) };
    private (string Field, string Token)? _antiforgery;

    public static string[] Args(string password) =>
        ["--Auth:Enabled=true", "--Auth:Users:0:Name=ana", $"--Auth:Users:0:PasswordHash={TeamUsers.Hash(password)}"];

    /// <summary>Cookie name → value, as the server last set them.</summary>
    public Dictionary<string, string> Cookies { get; } = new(StringComparer.Ordinal);

    /// <summary>Every Set-Cookie header seen, raw (attributes included).</summary>
    public List<string> SetCookies { get; } = [];

    public async Task<string> GetAsync(string url)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, url));
        var body = await response.Content.ReadAsStringAsync();
        if (HiddenToken().Match(body) is { Success: true } m) _antiforgery = (m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value));
        return body;
    }

    /// <summary>Posts the form as a browser would: fetched first, so its token belongs to whoever is signed in now.</summary>
    public async Task<HttpResponseMessage> PostAsync(string name, string password, string returnUrl = "/")
    {
        await GetAsync("/signin");
        var (field, token) = _antiforgery!.Value;
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, "/signin")
        {
            Content = new FormUrlEncodedContent([new(field, token), new("name", name), new("password", password), new("returnUrl", returnUrl)]),
        });
    }

    /// <summary>Posts the sign-out form (its token comes from any signed-in page's form; the sign-in page's serves too).</summary>
    public async Task<HttpResponseMessage> SignOutAsync()
    {
        await GetAsync("/signin");
        var (field, token) = _antiforgery!.Value;
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, "/signout") { Content = new FormUrlEncodedContent([new(field, token)]) });
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (Cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", Cookies.Select(c => $"{c.Key}={c.Value}")));
        foreach (var (headerName, value) in headers) request.Headers.TryAddWithoutValidation(headerName, value);
        var response = await _http.SendAsync(request);
        foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            SetCookies.Add(header);
            var pair = header.Split(';')[0];
            var eq = pair.IndexOf('=');
            var (cookie, value) = (pair[..eq], pair[(eq + 1)..]);
            if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) Cookies.Remove(cookie);
            else Cookies[cookie] = value;
        }
        return response;
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\" />")]
    private static partial Regex HiddenToken();
}
