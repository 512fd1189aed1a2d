using FundingWeb.Core.Venues;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace FundingWeb.Polling;

/// <summary>
/// Resilience sized for a poller rather than a request handler: retries fit inside one poll interval, and the breaker
/// can trip at poller rates (a handful of attempts a minute) instead of needing hundreds of calls.
/// A 429 is never retried here: the poller waits out its Retry-After.
/// </summary>
public static class PollResilience
{
    public static ResiliencePipeline Build(PollerSettings settings, TimeProvider time)
    {
        var interval = settings.Interval;
        var shouldHandle = new PredicateBuilder()
            .Handle<VenueException>(e => e is not VenueRateLimitedException)
            .Handle<TimeoutRejectedException>();
        return new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = shouldHandle,
                MaxRetryAttempts = 2,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = Clamp(interval / 10, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(2)),
                MaxDelay = Clamp(interval / 4, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10)),
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = shouldHandle,
                FailureRatio = 0.9,
                MinimumThroughput = 6,
                SamplingDuration = Clamp(interval * 10, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(10)),
                BreakDuration = Clamp(interval * 3, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2)),
            })
            .AddTimeout(settings.AttemptTimeout)
            .Build();
    }

    /// <summary>A reason a trader can read, for the venue status.</summary>
    public static string Describe(Exception ex) => ex switch
    {
        VenueException v => v.Reason,
        BrokenCircuitException b => $"circuit open after repeated failures; next try in {b.RetryAfter?.TotalSeconds ?? 0:0} s",
        TimeoutRejectedException t => $"poll timed out after {t.Timeout.TotalSeconds:0.#} s",
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) => value < min ? min : value > max ? max : value;
}
