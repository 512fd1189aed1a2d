using Dapper;
using FundingWeb.Core.Venues;

namespace FundingWeb.Core.Storage;

/// <summary>Reads for pages and the backfill. Pages call these on load or on a user action, never per tick.</summary>
public sealed class MarketDataQueries(DbConnectionFactory factory)
{
    /// <summary>Newest settled row per market of a venue: where the backfill resumes.</summary>
    public async Task<IReadOnlyDictionary<string, long>> GetLatestSettledAsync(string venue, CancellationToken cancellationToken)
    {
        using var connection = await factory.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string Symbol, long Ts)>(
            "SELECT symbol, MAX(ts_ms) FROM funding WHERE venue = @venue AND kind = 1 GROUP BY symbol", new { venue }).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Symbol, r => r.Ts);
    }

    public async Task<IReadOnlyList<VenueStatus>> GetVenueStatusesAsync(CancellationToken cancellationToken)
    {
        using var connection = await factory.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync(
            "SELECT venue, last_success_ms, stale_since_ms, last_error, last_error_ms, latency_ms, polls, failures FROM venue_status").ConfigureAwait(false);
        return rows.Select(r => new VenueStatus((string)r.venue, (long?)r.last_success_ms, (long?)r.stale_since_ms, null, (string?)r.last_error,
            (long?)r.last_error_ms, (double?)r.latency_ms, 0, (long)r.polls, (long)r.failures)).ToList();
    }
}
