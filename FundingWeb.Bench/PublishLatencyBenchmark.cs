using System.Diagnostics;
using FundingWeb.Core.Live;
using Microsoft.Extensions.Options;

namespace FundingWeb.Bench;

/// <summary>
/// Publish → subscriber callback latency with many subscribers (each one stands for an open browser circuit),
/// through the real hub and throttler on the system clock.
/// </summary>
public static class PublishLatencyBenchmark
{
    public static async Task RunAsync(bool quick)
    {
        foreach (var subscribers in quick ? new[] { 100, 1000 } : new[] { 10, 100, 1000, 5000 })
        {
            var hub = new MarketHub(Options.Create(new LiveOptions { MinPushInterval = TimeSpan.FromMilliseconds(100) }), TimeProvider.System);
            var latencies = new List<double>();
            var gate = new Lock();
            long publishedAt = 0;
            var pending = 0;
            var done = new TaskCompletionSource();
            var subscriptions = Enumerable.Range(0, subscribers).Select(_ => hub.Subscribe(() =>
            {
                var elapsed = Stopwatch.GetElapsedTime(Interlocked.Read(ref publishedAt)).TotalMilliseconds;
                lock (gate) latencies.Add(elapsed);
                if (Interlocked.Decrement(ref pending) == 0) done.TrySetResult();
                return Task.CompletedTask;
            })).ToList();

            var publishes = quick ? 30 : 100;
            for (var i = 0; i < publishes; i++)
            {
                done = new TaskCompletionSource();
                Volatile.Write(ref pending, subscribers);
                Interlocked.Exchange(ref publishedAt, Stopwatch.GetTimestamp());
                hub.Publish(s => s with { Version = s.Version + 1 });
                await done.Task.WaitAsync(TimeSpan.FromSeconds(10));
                // Space publishes past the throttle interval so each one is delivered, as polls are.
                await Task.Delay(120);
            }
            foreach (var s in subscriptions) s.Dispose();
            Console.WriteLine();
            Console.WriteLine($"Publish → subscriber ({subscribers} subscribers, {publishes} publishes)");
            Console.WriteLine($"  {Stats.Summary(latencies)}");
        }
    }
}
