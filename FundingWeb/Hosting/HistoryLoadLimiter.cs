using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace FundingWeb.Hosting;

/// <summary>
/// Bounds history reads: at most <see cref="LiveLimitsOptions.MaxConcurrentLoadsPerClient"/> per client and
/// <see cref="LiveLimitsOptions.MaxConcurrentLoads"/> in all. One client opening 50 tabs queues behind itself, not in
/// front of everyone else. A waiting read is cancelled with its page.
/// </summary>
public sealed class HistoryLoadLimiter(IOptions<LiveLimitsOptions> options)
{
    private readonly SemaphoreSlim _all = new(Math.Max(1, options.Value.MaxConcurrentLoads));
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _perClient = new(StringComparer.Ordinal);
    private readonly int _perClientCap = Math.Max(1, options.Value.MaxConcurrentLoadsPerClient);

    public async Task<IDisposable> EnterAsync(string? client, CancellationToken cancellationToken)
    {
        var own = _perClient.GetOrAdd(client ?? "unknown", _ => new SemaphoreSlim(_perClientCap));
        await own.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _all.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            own.Release();
            throw;
        }
        return new Lease(own, _all);
    }

    private sealed class Lease(SemaphoreSlim own, SemaphoreSlim all) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0) return;
            all.Release();
            own.Release();
        }
    }
}
