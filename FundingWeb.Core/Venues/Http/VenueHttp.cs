using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace FundingWeb.Core.Venues.Http;

/// <summary>
/// The HTTP edge every live adapter shares: request budget, per-request timeout, and translation of
/// 429/5xx/garbage into <see cref="VenueException"/>s whose messages end up in the venue status.
/// </summary>
/// <param name="maxResponseBytes">
/// Where set, a body past this size is refused while it is read (never buffered whole): an answer that size is a fault, not data.
/// </param>
public sealed class VenueHttp(HttpClient http, VenueOptions options, TimeProvider timeProvider, long? maxResponseBytes = null)
{
    private readonly RequestBudget _budget = new(options.RequestsPerMinute, timeProvider);

    public Uri BaseUri { get; } = new(options.BaseUrl.TrimEnd('/') + "/");

    /// <summary>GET a path relative to the base URL and parse the body.</summary>
    public Task<JsonDocument> GetJsonAsync(string relativePath, CancellationToken cancellationToken) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Get, new Uri(BaseUri, relativePath.TrimStart('/'))), cancellationToken);

    /// <summary>POST a JSON body (Hyperliquid's info endpoint) and parse the answer.</summary>
    public Task<JsonDocument> PostJsonAsync(string relativePath, object body, CancellationToken cancellationToken) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Post, new Uri(BaseUri, relativePath.TrimStart('/')))
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        }, cancellationToken);

    /// <summary>POST to the configured URL exactly as written (a JSON-RPC endpoint: a trailing slash can be another path).</summary>
    public Task<JsonDocument> PostJsonToBaseAsync(object body, CancellationToken cancellationToken) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Post, new Uri(options.BaseUrl))
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        }, cancellationToken);

    public string Describe(string relativePath) => new Uri(BaseUri, relativePath.TrimStart('/')).ToString();

    private async Task<JsonDocument> SendAsync(Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        await _budget.WaitAsync(cancellationToken).ConfigureAwait(false);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        using var request = createRequest();
        var path = request.RequestUri?.PathAndQuery ?? "";
        try
        {
            var completion = maxResponseBytes is null ? HttpCompletionOption.ResponseContentRead : HttpCompletionOption.ResponseHeadersRead;
            using var response = await http.SendAsync(request, completion, timeout.Token).ConfigureAwait(false);
            var body = maxResponseBytes is { } max
                ? await ReadBoundedAsync(response.Content, max, path, timeout.Token).ConfigureAwait(false)
                : await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var retryAfter = RetryAfterParser.Parse(response, body) ?? TimeSpan.FromSeconds(10);
                _budget.BlockFor(retryAfter);
                throw new VenueRateLimitedException(retryAfter);
            }
            if (!response.IsSuccessStatusCode)
            {
                throw new VenueException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase} from {path}");
            }
            try
            {
                return JsonDocument.Parse(body);
            }
            catch (JsonException ex)
            {
                throw new VenueException($"malformed JSON from {path}: {ex.Message}", ex);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new VenueException($"timeout after {options.RequestTimeout.TotalSeconds:0.#} s on {path}");
        }
        catch (HttpRequestException ex)
        {
            throw new VenueException($"connection failed on {path}: {ex.Message}", ex);
        }
    }

    private static async Task<byte[]> ReadBoundedAsync(HttpContent content, long max, string path, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is { } length && length > max) throw TooLarge(max, path);
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > max) throw TooLarge(max, path);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static VenueException TooLarge(long max, string path) =>
        new($"response from {path} is larger than {max / 1024d / 1024d:0.#} MiB: refused unread");
}

/// <summary>Retry-After in its several dialects: seconds, an HTTP date, or Aevo's nanoseconds (header X-RETRY-AFTER or body retry_after).</summary>
public static class RetryAfterParser
{
    public static TimeSpan? Parse(HttpResponseMessage response, byte[] body)
    {
        if (response.Headers.TryGetValues("X-RETRY-AFTER", out var aevo) && TryNanoseconds(aevo.FirstOrDefault(), out var ns))
        {
            return ns;
        }
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta) return delta;
            if (retryAfter.Date is { } date) return date - DateTimeOffset.UtcNow is var d && d > TimeSpan.Zero ? d : TimeSpan.Zero;
        }
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("retry_after", out var ra))
            {
                var text = ra.ValueKind == JsonValueKind.String ? ra.GetString() : ra.GetRawText();
                if (TryNanoseconds(text, out var fromBody)) return fromBody;
            }
        }
        catch (JsonException)
        {
            // A 429 body is not required to be JSON.
        }
        return null;
    }

    private static bool TryNanoseconds(string? text, out TimeSpan value)
    {
        value = default;
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ns) || ns < 0) return false;
        value = TimeSpan.FromTicks(ns / 100);
        return true;
    }
}
