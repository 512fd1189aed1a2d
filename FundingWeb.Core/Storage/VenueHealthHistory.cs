using System.Collections.Concurrent;
using Dapper;
using FundingWeb.Core.Chains;
using FundingWeb.Core.Live;

namespace FundingWeb.Core.Storage;

/// <summary>One venue's health at a moment, as the history charts read it back.</summary>
public sealed record VenueHealthPoint(string Venue, long TimeMs, double? PollLatencyMs, double? DataLagMs, double? ErrorRate, double? HeadAgeMs, double? L1LagMs, int Sequencer, string? ChainState);

/// <summary>
/// Venue and chain health over time: written at most once per <c>interval</c> per venue (the probe runs faster), read
/// bucketed for the Venues page. Writes queue on the store's one writer gate like every other write.
/// </summary>
public sealed class VenueHealthHistory(MarketDataRepository repository, TimeProvider time, TimeSpan? interval = null)
{
    public const int MaxBuckets = 2000;

    private readonly TimeSpan _interval = interval ?? TimeSpan.FromSeconds(15);
    private readonly ConcurrentDictionary<string, long> _lastWrittenMs = new(StringComparer.Ordinal);

    public async Task<bool> RecordAsync(VenueSnapshot venue, ChainReading? reading, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var id = venue.Venue.Id;
        if (_lastWrittenMs.TryGetValue(id, out var last) && now - last < _interval.TotalMilliseconds) return false;
        _lastWrittenMs[id] = now;
        var health = venue.ChainHealthAt(now);
        var row = new
        {
            venue = id, ts = now, latency = venue.Status.LatencyMs, lag = venue.Status.DataLagMs, errors = venue.Status.ErrorRate,
            head = health?.HeadAgeSeconds is { } a ? (long?)(a * 1000) : null,
            l1 = reading?.L1LagSeconds is { } l ? (long?)(l * 1000) : null,
            sequencer = reading?.Sequencer switch { SequencerState.Up => 1, SequencerState.Down => 2, _ => 0 },
            state = health?.Label,
        };
        await repository.Factory.WriteAsync((c, t) => c.Execute(
            """
            INSERT INTO venue_health (venue, ts_ms, poll_latency_ms, data_lag_ms, error_rate, head_age_ms, l1_lag_ms, sequencer, chain_state)
            VALUES (@venue, @ts, @latency, @lag, @errors, @head, @l1, @sequencer, @state)
            ON CONFLICT (venue, ts_ms) DO UPDATE SET poll_latency_ms = excluded.poll_latency_ms, data_lag_ms = excluded.data_lag_ms,
                error_rate = excluded.error_rate, head_age_ms = excluded.head_age_ms, l1_lag_ms = excluded.l1_lag_ms,
                sequencer = excluded.sequencer, chain_state = excluded.chain_state
            """, row, t), cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Averages per time bucket (the worst head age and lag of the bucket, so a stall is never averaged away), oldest first.</summary>
    public async Task<IReadOnlyList<VenueHealthPoint>> GetAsync(string? venue, long fromMs, long toMs, CancellationToken cancellationToken)
    {
        var bucket = Math.Max(1, (toMs - fromMs) / MaxBuckets);
        using var connection = await repository.Factory.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT venue AS Venue, MAX(ts_ms) AS TimeMs, AVG(poll_latency_ms) AS PollLatencyMs, MAX(data_lag_ms) AS DataLagMs, AVG(error_rate) AS ErrorRate,
                   MAX(head_age_ms) AS HeadAgeMs, MAX(l1_lag_ms) AS L1LagMs, MAX(sequencer) AS Sequencer, MAX(chain_state) AS ChainState
            FROM venue_health WHERE {(venue is null ? "" : "venue = @venue AND ")}ts_ms BETWEEN @fromMs AND @toMs
            GROUP BY venue, ts_ms / @bucket ORDER BY venue, TimeMs
            """, new { venue, fromMs, toMs, bucket }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => new VenueHealthPoint(r.Venue, r.TimeMs, r.PollLatencyMs, r.DataLagMs, r.ErrorRate, r.HeadAgeMs, r.L1LagMs, (int)r.Sequencer, r.ChainState)).ToList();
    }

    // Aggregates have no declared type in SQLite: settable properties let Dapper convert (see HistoryQueries).
    private sealed class Row
    {
        public string Venue { get; set; } = "";
        public long TimeMs { get; set; }
        public double? PollLatencyMs { get; set; }
        public double? DataLagMs { get; set; }
        public double? ErrorRate { get; set; }
        public double? HeadAgeMs { get; set; }
        public double? L1LagMs { get; set; }
        public long Sequencer { get; set; }
        public string? ChainState { get; set; }
    }
}
