using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FundingWeb.Core.Alerts;

/// <summary>
/// POSTs transitions to rule webhooks (<see cref="WebhookPayload"/>) with an <c>Idempotency-Key</c> header, retrying
/// failures (non-2xx, timeouts, refused connections) with exponential backoff and jitter, and recording each attempt's
/// outcome in <see cref="AlertRepository"/> so the Alerts page can show pending / delivered / failed. Delays run on the
/// injected <see cref="TimeProvider"/>. A delivery already recorded as delivered is not sent again.
/// </summary>
public sealed class WebhookDispatcher(
    HttpClient http, AlertRepository repository, TimeProvider time, WebhookOptions? options = null, Random? random = null,
    ILogger<WebhookDispatcher>? logger = null)
{
    public const string IdempotencyHeader = "Idempotency-Key";
    public const string AttemptHeader = "X-FundingWeb-Attempt";

    private readonly WebhookOptions _options = options ?? new WebhookOptions();
    private readonly Random _random = random ?? Random.Shared;
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

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
        var delivery = await repository.GetDeliveryAsync(transition.Key, cancellationToken).ConfigureAwait(false)
            ?? new WebhookDelivery(transition.Key, url, DeliveryStatus.Pending, 0, null, null, null, Now());
        if (delivery.Status == DeliveryStatus.Delivered)
        {
            return delivery;
        }
        delivery = delivery with { Url = url, Status = DeliveryStatus.Pending };
        await repository.UpsertDeliveryAsync(delivery, cancellationToken).ConfigureAwait(false);
        DeliveryChanged?.Invoke(delivery);
        var payload = WebhookPayload.From(transition);

        while (true)
        {
            var attempt = delivery.Attempts + 1;
            var error = await PostAsync(url, payload, attempt, cancellationToken).ConfigureAwait(false);
            var now = Now();
            delivery = error is null
                ? delivery with { Status = DeliveryStatus.Delivered, Attempts = attempt, LastError = null, LastAttemptMs = now, DeliveredMs = now }
                : delivery with { Status = attempt >= _options.MaxAttempts ? DeliveryStatus.Failed : DeliveryStatus.Pending, Attempts = attempt, LastError = error, LastAttemptMs = now };
            await repository.UpsertDeliveryAsync(delivery, CancellationToken.None).ConfigureAwait(false);
            DeliveryChanged?.Invoke(delivery);
            if (delivery.Status != DeliveryStatus.Pending)
            {
                if (delivery.Status == DeliveryStatus.Failed)
                {
                    _logger.LogWarning("Webhook {Key} to {Url} failed after {Attempts} attempts: {Error}", transition.Key, url, attempt, error);
                }
                return delivery;
            }
            await Task.Delay(Backoff(attempt, _random.NextDouble()), time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// One POST of a test body (<see cref="WebhookPayload.Test"/>) so a user can check a URL before relying on it: null
    /// when the receiver answered 2xx, else why not. Not retried and not recorded (nothing fired).
    /// </summary>
    public Task<string?> SendTestAsync(string url, string ruleId, string ruleName, AlertRuleKind kind, CancellationToken cancellationToken) =>
        PostAsync(url, WebhookPayload.Test(ruleId, ruleName, kind, Now()), 1, cancellationToken);

    /// <summary>Null on a 2xx answer, else why not.</summary>
    private async Task<string?> PostAsync(string url, WebhookPayload payload, int attempt, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(payload) };
            request.Headers.Add(IdempotencyHeader, payload.Id);
            request.Headers.Add(AttemptHeader, attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.AttemptTimeout);
            using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"timed out after {_options.AttemptTimeout.TotalSeconds:0.#} s";
        }
        catch (HttpRequestException e)
        {
            return e.Message;
        }
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();
}
