namespace FundingWeb.Core.Venues.Http;

/// <summary>
/// A token bucket that keeps an adapter under its share of a venue's rate limit. Waiting is cancellable,
/// and a 429 with Retry-After pushes the next allowed request out.
/// </summary>
public sealed class RequestBudget(int requestsPerMinute, TimeProvider timeProvider)
{
    private readonly Lock _lock = new();
    private readonly double _capacity = Math.Max(1, requestsPerMinute);
    private readonly double _perMs = Math.Max(1, requestsPerMinute) / 60_000d;
    private double _tokens = Math.Max(1, requestsPerMinute);
    private long _lastMs = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
    private long _blockedUntilMs;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
                _tokens = Math.Min(_capacity, _tokens + (now - _lastMs) * _perMs);
                _lastMs = now;
                if (now >= _blockedUntilMs && _tokens >= 1)
                {
                    _tokens -= 1;
                    return;
                }
                var untilToken = _tokens >= 1 ? 0 : (1 - _tokens) / _perMs;
                wait = TimeSpan.FromMilliseconds(Math.Max(untilToken, _blockedUntilMs - now) + 1);
            }
            await Task.Delay(wait, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    public void BlockFor(TimeSpan retryAfter)
    {
        lock (_lock)
        {
            var until = timeProvider.GetUtcNow().ToUnixTimeMilliseconds() + (long)retryAfter.TotalMilliseconds;
            _blockedUntilMs = Math.Max(_blockedUntilMs, until);
        }
    }
}
