using FundingWeb.Core.Live;
using FundingWeb.Core.Storage;
using FundingWeb.Core.Venues;

namespace FundingWeb.Core.Depth;

/// <summary>
/// One venue's depth round: pick the watched markets (<see cref="DepthWatchList"/>), read the hot ones and the next in rotation
/// within the round's requests, keep each full book in memory (<see cref="DepthBookStore"/>) and store its bands at most once
/// per <see cref="DepthOptions.StoreInterval"/> per market. A failing venue keeps its last books (their age tells) and its
/// status says why.
/// </summary>
public sealed class DepthCollector(
    IDepthSource source, int requestsPerMinute, string? budgetNote, DepthBookStore store, DepthInterest interest, MarketHub hub,
    DepthRepository? repository, DepthOptions options, TimeProvider time)
{
    private readonly DepthRotation _rotation = new();
    private readonly Dictionary<string, long> _storedAtMs = new(StringComparer.Ordinal);

    public string Venue => source.Venue;

    public int RequestsPerMinute => requestsPerMinute;

    public async Task<DepthVenueStatus> CollectAsync(CancellationToken cancellationToken)
    {
        var previous = store.Status(source.Venue);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        DepthVenueStatus Status(long? success, string? error, int read, IReadOnlyList<string> marketErrors) =>
            new(source.Venue, requestsPerMinute, budgetNote, now, success ?? previous?.LastSuccessMs, error, read, marketErrors);

        if (requestsPerMinute <= 0) return Save(Status(null, budgetNote ?? "no depth budget", 0, []));
        if (!hub.Current.Venues.TryGetValue(source.Venue, out var venue) || venue.Markets.IsEmpty)
        {
            return Save(Status(null, "no markets from the venue's poll yet", 0, []));
        }

        var pick = DepthWatchList.Of(venue, interest, options);
        var bySymbol = pick.Rotating.ToDictionary(m => m.Symbol, StringComparer.Ordinal);
        var ordered = pick.Hot.Concat(_rotation.Order(bySymbol.Keys).Select(s => bySymbol[s])).ToList();
        DepthBatch batch;
        try
        {
            batch = await source.ReadAsync(ordered, DepthBudget.RequestsPerRound(requestsPerMinute, options.PollInterval), cancellationToken).ConfigureAwait(false);
        }
        catch (VenueException ex)
        {
            return Save(Status(null, ex.Message, 0, []));
        }
        if (batch.Attempted.LastOrDefault(bySymbol.ContainsKey) is { } last) _rotation.Read(last);

        var rows = new List<DepthBandRow>();
        foreach (var book in batch.Books)
        {
            store.Set(book);
            if (DepthBands.Of(book) is { } bands && Due(book.Symbol, book.FetchedAtMs)) rows.Add(DepthBandRow.FromBook(book, bands));
        }
        var wanted = ordered.Select(m => m.Symbol).ToHashSet(StringComparer.Ordinal);
        foreach (var pool in batch.Pools)
        {
            store.Set(pool);
            var price = venue.Markets.TryGetValue(pool.Symbol, out var quote) ? quote.Price : null;
            if (wanted.Contains(pool.Symbol) && PoolModel.Bands(pool, price, options.GmxLinearCostAtFullLiquidity) is { } bands && Due(pool.Symbol, pool.FetchedAtMs))
            {
                rows.Add(DepthBandRow.FromPool(pool, bands));
            }
        }
        if (repository is not null && rows.Count > 0) await repository.InsertAsync(rows, cancellationToken).ConfigureAwait(false);
        var errors = batch.Errors.Select(e => $"{e.Symbol}: {e.Reason}").ToList();
        var read = batch.Books.Count + batch.Pools.Count(p => wanted.Contains(p.Symbol));
        var error = batch.VenueError ?? (read == 0 && errors.Count > 0 ? "no book readable this round" : null);
        return Save(Status(read > 0 ? now : null, error, read, errors));
    }

    private bool Due(string symbol, long atMs)
    {
        if (_storedAtMs.TryGetValue(symbol, out var last) && atMs - last < options.StoreInterval.TotalMilliseconds) return false;
        _storedAtMs[symbol] = atMs;
        return true;
    }

    private DepthVenueStatus Save(DepthVenueStatus status)
    {
        store.SetStatus(status);
        return status;
    }
}
