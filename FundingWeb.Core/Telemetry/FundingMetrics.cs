using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace FundingWeb.Core.Telemetry;

/// <summary>
/// The app's one meter, <c>FundingWeb</c>. Instrument names start with <c>fundingweb.</c>, so a Prometheus scrape shows
/// them as <c>fundingweb_…</c> (dots become underscores, units and <c>_total</c>/<c>_bucket</c> are appended). Every
/// instrument is documented in the README's metrics table; tags are small, bounded sets (venue ids, outcomes, kinds).
/// </summary>
public static class FundingMetrics
{
    public const string MeterName = "FundingWeb";

    public static readonly Meter Meter = new(MeterName);

    /// <summary>One venue poll, fetch to commit, by venue and outcome (ok, failed).</summary>
    public static readonly Histogram<double> PollDuration = Meter.CreateHistogram<double>(
        "fundingweb.poll.duration", "ms", "Time of one venue poll, fetch to commit.");

    public static readonly Counter<long> PollFailures = Meter.CreateCounter<long>(
        "fundingweb.poll.failures", "{poll}", "Venue polls that failed (timeout, 429, 5xx, garbage, changed schema).");

    /// <summary>Rows written, by venue and path (poll, backfill).</summary>
    public static readonly Counter<long> RowsWritten = Meter.CreateCounter<long>(
        "fundingweb.rows.written", "{row}", "Rows written to the store.");

    /// <summary>From a snapshot's publish to the page's render batch being queued, per circuit and page.</summary>
    public static readonly Histogram<double> PushLatency = Meter.CreateHistogram<double>(
        "fundingweb.push.latency", "ms", "Publish of a snapshot to the render batch queued in one circuit.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 75, 100, 150, 250, 500, 1000, 2500, 5000] });

    /// <summary>
    /// A live chart update held back because the browser had not answered the ones before it (it goes, merged with what
    /// follows, with the next answer): the push latency stops at the hand-over, so this is where a starved browser shows.
    /// </summary>
    public static readonly Counter<long> ChartUpdatesHeld = Meter.CreateCounter<long>(
        "fundingweb.chart.updates.held", "{update}", "Live chart updates held until the browser answered earlier ones, per chart.");

    public static readonly UpDownCounter<long> CircuitsOpen = Meter.CreateUpDownCounter<long>(
        "fundingweb.circuits.open", "{circuit}", "Live browser connections (Blazor circuits) open now.");

    public static readonly Counter<long> ShareOpens = Meter.CreateCounter<long>(
        "fundingweb.share.opens", "{request}", "Share-link requests that opened a view.");

    /// <summary>Share-link requests refused, by reason (not_found, paused, rate_limited).</summary>
    public static readonly Counter<long> ShareRefusals = Meter.CreateCounter<long>(
        "fundingweb.share.refusals", "{request}", "Share-link requests refused.");

    /// <summary>Alert transitions, by rule kind and transition (fired, cleared).</summary>
    public static readonly Counter<long> AlertTransitions = Meter.CreateCounter<long>(
        "fundingweb.alert.transitions", "{transition}", "Alert rule transitions.");

    /// <summary>Webhook attempts, by outcome (delivered, failed, refused).</summary>
    public static readonly Counter<long> WebhookAttempts = Meter.CreateCounter<long>(
        "fundingweb.webhook.attempts", "{attempt}", "Webhook delivery attempts.");

    /// <summary>Time a write waited for the store's one writer (SQLite) before its transaction began.</summary>
    public static readonly Histogram<double> WriteGateWait = Meter.CreateHistogram<double>(
        "fundingweb.store.write_gate.wait", "ms", "Time a write waited for the store's writer gate.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5, 1, 2, 5, 10, 25, 50, 100, 250, 1000, 5000] });

    private static readonly Lock SourcesLock = new();
    private static Func<long>[] _subscriberSources = [];

    static FundingMetrics()
    {
        Meter.CreateObservableGauge("fundingweb.live.subscribers", () => Volatile.Read(ref _subscriberSources).Sum(f => f()),
            "{subscriber}", "Live subscribers of the market hub (each open live page holds one).");
    }

    /// <summary>Adds a hub whose subscribers the gauge counts (one per app; tests run several in one process). Dispose to remove it.</summary>
    public static IDisposable ObserveSubscribers(Func<long> count)
    {
        lock (SourcesLock) _subscriberSources = [.. _subscriberSources, count];
        return new Removal(() => { lock (SourcesLock) _subscriberSources = _subscriberSources.Where(f => f != count).ToArray(); });
    }

    private sealed class Removal(Action remove) : IDisposable
    {
        private Action? _remove = remove;
        public void Dispose() => Interlocked.Exchange(ref _remove, null)?.Invoke();
    }

    public static TagList Venue(string venue) => new() { { "venue", venue } };

    public static TagList Venue(string venue, string key, string value) => new() { { "venue", venue }, { key, value } };
}
