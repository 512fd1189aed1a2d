using FundingWeb.Core.Depth;
using FundingWeb.Core.Venues.Http;

namespace FundingWeb.Core.Venues.Gmx;

/// <summary>
/// GMX has no book: one <c>/markets/info</c> request a round gives every pool's state for the pool model. Requested markets
/// missing from the answer are named; every pool read is kept.
/// </summary>
public sealed class GmxDepthSource(VenueHttp http, TimeProvider time) : IDepthSource
{
    private const string MarketsInfoPath = "markets/info";

    public string Venue => VenueIds.Gmx;

    public async Task<DepthBatch> ReadAsync(IReadOnlyList<Market> markets, int maxRequests, CancellationToken cancellationToken)
    {
        if (maxRequests < 1 || markets.Count == 0) return new DepthBatch([], [], [], []);
        using var doc = await http.GetJsonAsync(MarketsInfoPath, cancellationToken).ConfigureAwait(false);
        var fetchedAt = time.GetUtcNow().ToUnixTimeMilliseconds();
        IReadOnlyList<PoolState> pools;
        IReadOnlyList<Venues.MarketError> errors;
        try
        {
            (pools, errors) = GmxPoolParser.Parse(doc.RootElement, fetchedAt, http.Describe(MarketsInfoPath));
        }
        catch (FormatException ex)
        {
            throw new VenueException(ex.Message, ex);
        }
        var read = pools.Select(p => p.Symbol).ToHashSet(StringComparer.Ordinal);
        var missing = markets.Where(m => !read.Contains(m.Symbol) && errors.All(e => e.Symbol != m.Symbol))
            .Select(m => new Venues.MarketError(m.Symbol, "pool: not in /markets/info (unlisted or disabled)"));
        var wanted = markets.Select(m => m.Symbol).ToHashSet(StringComparer.Ordinal);
        return new DepthBatch([], pools, markets.Select(m => m.Symbol).ToList(), errors.Where(e => wanted.Contains(e.Symbol)).Concat(missing).ToList());
    }
}
