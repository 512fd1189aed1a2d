using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FundingWeb.Core.Alerts;

/// <summary>
/// POSTs transitions to rule webhooks (<see cref="WebhookPayload"/>) with an <c>Idempotency-Key</c> header, retrying
/// failures (non-2xx, timeouts, refused connections) with exponential backoff and jitter, and recording each attempt's
/// outcome in <see cref="AlertRepository"/> so the Alerts page can show pending / delivered / failed. Delays run on the
/// injected <see cref="TimeProvider"/>. A delivery already recorded as delivered is not sent again, and each attempt is
/// made only under this node's claim on the delivery (<see cref="AlertRepository.TryClaimDeliveryAsync"/>), so a leader
/// taking over after a crash never sends a transition the old one is still sending.
/// Every request goes through <see cref="WebhookAddressPolicy"/> (its own HTTP client: checked at connect, no proxy, no
/// redirects). Recorded reasons are categories (an HTTP status, "timed out", "connection failed", refused), never an
/// exception's text, which would name resolved addresses and ports to whoever reads the history.
/// </summary>
public sealed class WebhookDispatcher : IDisposable
{
    public const string IdempotencyHeader = "Idempotency-Key";
    public const string AttemptHeader = "X-FundingWeb-Attempt";

    private readonly AlertRepository _repository;
    private readonly TimeProvider _time;
    private readonly WebhookOptions _options;
    private readonly Random _random;
    private readonly ILogger _logger;
    private readonly HttpClient _http;
    private readonly string _node;

    /// <param name="policy">Where webhooks may go; by default one built from <see cref="WebhookOptions.AllowedHosts"/>.</param>
    /// <param name="node">The name this node claims deliveries under.</param>
    public WebhookDispatcher(AlertRepository repository, TimeProvider time, WebhookOptions? options = null, Random? random = null,
        ILogger<WebhookDispatcher>? logger = null, WebhookAddressPolicy? policy = null, string? node = null)
    {
        _node = node ?? Environment.MachineName;
        _repository = repository;
        _time = time;
        _options = options ?? new WebhookOptions();
        _random = random ?? Random.Shared;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        Policy = policy ?? new WebhookAddressPolicy(_options.AllowedHosts);
        // Each attempt has its own deadline (AttemptTimeout); the client's must not cut it shorter.
        _http = new HttpClient(Policy.CreateHandler()) { Timeout = _options.AttemptTimeout + TimeSpan.FromSeconds(5) };
    }

    public WebhookAddressPolicy Policy { get; }

    /// <summary>After every recorded change of a delivery (queued, each attempt's outcome): pages showing status re-read it.</summary>
    public event Action<WebhookDelivery>? DeliveryChanged;

    /// <summary>The wait after failed attempt <paramref name="attempt"/> (1-based) for a jitter draw <paramref name="u"/> in [0, 1).</summary>
    public TimeSpan Backoff(int attempt, double u)
    {
        var exponential = _options.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        var capped = Math.Min(exponential, _options.MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (1 + u * _options.JitterFraction));
    }

    /// <summary>Delivers one transition to <paramref name="url"/>; returns the final recorded status.</summary>
    public async Task<WebhookDelivery> DeliverAsync(AlertTransition transition, string url, CancellationToken cancellationToken)
    {
        var delivery = await _repository.GetDeliveryAsync(transition.Key, cancellationToken).ConfigureAwait(false)
            ?? new WebhookDelivery(transition.Key, url, DeliveryStatus.Pending, 0, null, null, null, Now());
        if (delivery.Status == DeliveryStatus.Delivered)
        {
            return delivery;
        }
        delivery = delivery with { Url = url, Status = DeliveryStatus.Pending };
        await _repository.AddDeliveryAsync(delivery, cancellationToken).ConfigureAwait(false);
        if (!await ClaimAsync(transition.Key, cancellationToken).ConfigureAwait(false))
        {
            // Finished by the node that held it while we waited.
            return await _repository.GetDeliveryAsync(transition.Key, cancellationToken).ConfigureAwait(false) ?? delivery;
        }
        // Attempts made under the claim we waited out count on.
        delivery = (await _repository.GetDeliveryAsync(transition.Key, cancellationToken).ConfigureAwait(false) ?? delivery) with { Url = url, Status = DeliveryStatus.Pending };
        await _repository.UpsertDeliveryAsync(delivery, cancellationToken).ConfigureAwait(false);
        DeliveryChanged?.Invoke(delivery);
        var payload = WebhookPayload.From(transition);

        while (true)
        {
            if (delivery.Attempts > 0 && !await ClaimAsync(transition.Key, cancellationToken).ConfigureAwait(false))
            {
                return await _repository.GetDeliveryAsync(transition.Key, cancellationToken).ConfigureAwait(false) ?? delivery;
            }
            var attempt = delivery.Attempts + 1;
            var error = await PostAsync(url, payload, attempt, cancellationToken).ConfigureAwait(false);
            Telemetry.FundingMetrics.WebhookAttempts.Add(1, new KeyValuePair<string, object?>("outcome", error is null ? "delivered" : "failed"));
            var now = Now();
            delivery = error is null
                ? delivery with { Status = DeliveryStatus.Delivered, Attempts = attempt, LastError = null, LastAttemptMs = now, DeliveredMs = now }
                : delivery with { Status = attempt >= _options.MaxAttempts ? DeliveryStatus.Failed : DeliveryStatus.Pending, Attempts = attempt, LastError = error, LastAttemptMs = now };
            await _repository.UpsertDeliveryAsync(delivery, CancellationToken.None).ConfigureAwait(false);
            DeliveryChanged?.Invoke(delivery);
            if (delivery.Status != DeliveryStatus.Pending)
            {
                if (delivery.Status == DeliveryStatus.Failed)
                {
                    _logger.LogWarning("Webhook {Key} to {Url} failed after {Attempts} attempts: {Error}", transition.Key, url, attempt, error);
                }
                return delivery;
            }
            await Task.Delay(Backoff(attempt, _random.NextDouble()), _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Takes this node's claim for one attempt (its timeout and a margin). While another node holds an unexpired claim,
    /// waits for it to run out; false once the delivery is no longer pending (that node finished it).
    /// </summary>
    private async Task<bool> ClaimAsync(string eventKey, CancellationToken cancellationToken)
    {
        var lease = _options.AttemptTimeout + TimeSpan.FromSeconds(5);
        while (true)
        {
            if (await _repository.TryClaimDeliveryAsync(eventKey, _node, Now() + (long)lease.TotalMilliseconds, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }
            if (await _repository.GetDeliveryAsync(eventKey, cancellationToken).ConfigureAwait(false) is not { Status: DeliveryStatus.Pending })
            {
                return false;
            }
            var until = await _repository.GetClaimUntilAsync(eventKey, cancellationToken).ConfigureAwait(false) ?? Now();
            var wait = TimeSpan.FromMilliseconds(Math.Clamp(until - Now() + 50, 50, lease.TotalMilliseconds));
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// One POST of a test body (<see cref="WebhookPayload.Test"/>) so a user can check a URL before relying on it: true
    /// when the receiver answered 2xx. Only that: the page may be open to anyone, and "refused", "timed out" or "HTTP 418"
    /// for an address they typed would map the network for them. Not retried and not recorded (nothing fired).
    /// </summary>
    public async Task<bool> SendTestAsync(string url, string ruleId, string ruleName, AlertRuleKind kind, CancellationToken cancellationToken) =>
        await PostAsync(url, WebhookPayload.Test(ruleId, ruleName, kind, Now()), 1, cancellationToken).ConfigureAwait(false) is null;

    /// <summary>Null on a 2xx answer, else why not (a category, see the class summary).</summary>
    private async Task<string?> PostAsync(string url, WebhookPayload payload, int attempt, CancellationToken cancellationToken)
    {
        if (Policy.CheckUrl(url) is { } refused) return refused;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(payload) };
            request.Headers.Add(IdempotencyHeader, payload.Id);
            request.Headers.Add(AttemptHeader, attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.AttemptTimeout);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var code = (int)response.StatusCode;
            if (response.IsSuccessStatusCode) return null;
            return code is >= 300 and < 400 ? $"HTTP {code} redirect, not followed" : $"HTTP {code} {Phrase(response.ReasonPhrase)}".TrimEnd();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"timed out after {_options.AttemptTimeout.TotalSeconds:0.#} s";
        }
        catch (HttpRequestException e) when (Refused(e))
        {
            return WebhookAddressPolicy.RefusedReason;
        }
        catch (HttpRequestException e)
        {
            return e.HttpRequestError switch
            {
                HttpRequestError.NameResolutionError => WebhookAddressPolicy.RefusedReason,
                HttpRequestError.SecureConnectionError => "TLS handshake failed",
                HttpRequestError.ConnectionError => "connection failed",
                _ => "request failed",
            };
        }
    }

    private static bool Refused(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is WebhookRefusedException) return true;
        }
        return false;
    }

    // The receiver writes its reason phrase: keep short printable ASCII only, as it is shown in the history.
    private static string Phrase(string? phrase)
    {
        var text = new string((phrase ?? "").Where(c => c is >= ' ' and < '\x7f').Take(40).ToArray());
        return text.Trim();
    }

    public void Dispose() => _http.Dispose();

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();
}
