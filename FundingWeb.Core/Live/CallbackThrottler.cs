using Microsoft.Extensions.Logging;

namespace FundingWeb.Core.Live;

/// <summary>
/// Coalesces bursts of signals into at most one callback per <c>minInterval</c>. A signal while a callback is already
/// waiting is dropped (the waiting one will read the newest state anyway); a signal during a run schedules one more run.
/// The first signal after a quiet spell runs at once, so coalescing never adds latency to an isolated change.
/// Exceptions are caught and logged: a listener never breaks the producer.
/// </summary>
public sealed class CallbackThrottler : IDisposable
{
    private readonly Func<Task> _callback;
    private readonly TimeSpan _minInterval;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ExecutionContext? _context;
    private readonly Lock _lock = new();
    private bool _scheduled;
    private bool _running;
    private bool _dirty;
    private bool _disposed;
    private long _lastRunTimestamp;
    private ITimer? _timer;

    public CallbackThrottler(Func<Task> callback, TimeSpan minInterval, TimeProvider time, ILogger logger)
    {
        _callback = callback;
        _minInterval = minInterval;
        _time = time;
        _logger = logger;
        _context = ExecutionContext.Capture();
        _lastRunTimestamp = time.GetTimestamp() - (long)(minInterval.TotalSeconds * time.TimestampFrequency) - 1;
    }

    public void Signal()
    {
        lock (_lock)
        {
            if (_disposed) return;
            if (_running)
            {
                _dirty = true;
                return;
            }
            if (_scheduled) return;
            Schedule();
        }
    }

    private void Schedule()
    {
        _scheduled = true;
        var due = _minInterval - _time.GetElapsedTime(_lastRunTimestamp);
        if (due < TimeSpan.Zero) due = TimeSpan.Zero;
        _timer?.Dispose();
        _timer = _time.CreateTimer(_ => Fire(), null, due, Timeout.InfiniteTimeSpan);
    }

    private void Fire()
    {
        lock (_lock)
        {
            if (_disposed) return;
            _scheduled = false;
            _running = true;
            _lastRunTimestamp = _time.GetTimestamp();
        }
        if (_context is null) _ = RunAsync();
        else ExecutionContext.Run(_context, _ => _ = RunAsync(), null);
    }

    private async Task RunAsync()
    {
        try
        {
            await _callback().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "A live-update listener failed.");
        }
        finally
        {
            lock (_lock)
            {
                _running = false;
                if (_dirty && !_disposed)
                {
                    _dirty = false;
                    Schedule();
                }
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _timer?.Dispose();
        }
    }
}
