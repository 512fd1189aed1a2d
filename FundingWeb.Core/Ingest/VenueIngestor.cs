using System.Collections.Concurrent;
using System.Collections.Immutable;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Live;
using FundingWeb.Core.Storage;
using FundingWeb.Core.Venues;

namespace FundingWeb.Core.Ingest;

/// <summary>
/// The one path from a venue's answer to the screen: normalise every raw rate, read each market's convention and flag
/// implausible rates against it, write the poll in one transaction, then publish a new snapshot. Nothing is published
/// that was not committed.
/// </summary>
public sealed class VenueIngestor(MarketDataRepository repository, MarketHub hub, TimeProvider time, TimeSpan? rawInterval = null,
    double sanityBound1h = FundingPlausibility.DefaultSanityBound1h)
{
    private readonly RawRowSampler _sampler = new(rawInterval ?? TimeSpan.Zero);
    private readonly ConcurrentDictionary<string, ConventionTracker> _conventions = new(StringComparer.Ordinal);

    private static readonly TimeSpan LiquidationMemory = TimeSpan.FromHours(6);

    /// <summary>Each poll also stores the live state other nodes load (a shared PostgreSQL).</summary>
    public bool SharesLiveState => repository.Factory.Dialect.SharesLiveState;

    public async Task<VenueStatus> IngestAsync(VenueInfo venue, VenuePoll poll, VenueStatusTracker tracker, double latencyMs, CancellationToken cancellationToken)
    {
        var errors = poll.MarketErrors.ToList();
        var funding = new List<FundingRate>(poll.Funding.Count);
        foreach (var raw in poll.Funding)
        {
            try
            {
                funding.Add(FundingNormalizer.Normalize(venue.Id, raw));
            }
            catch (FormatException ex)
            {
                errors.Add(new MarketError(raw.Symbol, ex.Message));
            }
        }

        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var conventionTracker = _conventions.GetOrAdd(venue.Id, id => new ConventionTracker(id, repository.GetConventions(id)));
        var conventions = conventionTracker.Read(poll.Markets, poll.Funding, poll.FetchedAtMs);
        var flagged = FundingPlausibility.Flag(funding, symbol => conventionTracker.Known.GetValueOrDefault(symbol), sanityBound1h);
        var dataLag = poll.DataTimeMs is { } dataTime ? poll.FetchedAtMs - dataTime : (long?)null;
        var status = tracker.Success(nowMs, latencyMs, dataLag, errors, poll.Markets.Count(m => m.Status == MarketStatus.Active));
        var stored = poll with { OpenInterest = _sampler.OpenInterest(venue.Id, poll.OpenInterest), Prices = _sampler.Prices(venue.Id, poll.Prices) };
        // Built before the write, published after it: the same snapshot is stored as the live state other nodes load.
        // Only this venue's poller changes this venue's markets and status, so reading them here is reading them at publish
        // time; its chain reading is the chain probe's, which may publish meanwhile (KeepingChain).
        var previous = hub.Current.Venues.GetValueOrDefault(venue.Id);
        var next = Build(venue, previous ?? VenueSnapshot.Empty(venue), poll, flagged, status, errors, conventionTracker.Known);
        var storedFunding = _sampler.Funding(flagged);
        await repository.UpsertPollAsync(venue, stored, storedFunding, status, cancellationToken, conventions, next, previous).ConfigureAwait(false);
        Telemetry.FundingMetrics.RowsWritten.Add(storedFunding.Count + stored.OpenInterest.Count + stored.Prices.Count + stored.Liquidations.Count,
            Telemetry.FundingMetrics.Venue(venue.Id, "path", "poll"));
        hub.Publish(current => current.WithVenue(KeepingChain(current, next), nowMs));
        return status;
    }

    /// <summary>
    /// A venue's poll as published: its markets and status, with the chain reading the hub holds at that moment. The chain
    /// probe publishes on its own clock; a poll that carried the reading it started from would put back an older one (or
    /// none, for a poll that began before the venue's first probe) until the probe's next round.
    /// </summary>
    public static VenueSnapshot KeepingChain(MarketSnapshot current, VenueSnapshot polled) =>
        current.Venues.TryGetValue(polled.Venue.Id, out var now) && (now.Chain != polled.Chain || now.ChainLimits != polled.ChainLimits)
            ? polled with { Chain = now.Chain, ChainLimits = now.ChainLimits }
            : polled;

    /// <summary>The rule the poll applies, for rows that arrive by another path (backfill).</summary>
    public IReadOnlyList<FundingRate> FlagImplausible(string venueId, IReadOnlyList<FundingRate> rows)
    {
        var known = _conventions.TryGetValue(venueId, out var t) ? t.Known : repository.GetConventions(venueId);
        return FundingPlausibility.Flag(rows, symbol => known.GetValueOrDefault(symbol), sanityBound1h);
    }

    public async Task<VenueStatus> FailAsync(VenueInfo venue, VenueStatusTracker tracker, string reason, double latencyMs, CancellationToken cancellationToken)
    {
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var status = tracker.Failure(nowMs, latencyMs, reason);
        var next = (hub.Current.Venues.GetValueOrDefault(venue.Id) ?? VenueSnapshot.Empty(venue)) with { Venue = venue, Status = status };
        await repository.UpsertStatusAsync(venue, status, cancellationToken, next).ConfigureAwait(false);
        hub.Publish(current => current.WithVenue(KeepingChain(current, next), nowMs));
        return status;
    }

    private static VenueSnapshot Build(VenueInfo venue, VenueSnapshot previous, VenuePoll poll, IReadOnlyList<FundingRate> funding, VenueStatus status,
        List<MarketError> errors, IReadOnlyDictionary<string, MarketConvention> conventions)
    {
        var quoted = funding.Where(f => f.Kind == FundingKind.Quoted).ToLookup(f => f.Symbol);
        var sources = poll.Funding.Where(f => f.Kind == FundingKind.Quoted).GroupBy(f => (f.Symbol, f.Leg)).ToDictionary(g => g.Key, g => g.Last().Source);
        var oi = poll.OpenInterest.GroupBy(o => o.Symbol).ToDictionary(g => g.Key, g => g.Last());
        var prices = poll.Prices.GroupBy(p => p.Symbol).ToDictionary(g => g.Key, g => g.Last());

        var markets = ImmutableDictionary.CreateBuilder<string, MarketQuote>();
        foreach (var market in poll.Markets.Where(m => m.Status == MarketStatus.Active))
        {
            var legs = quoted[market.Symbol]
                .GroupBy(f => f.Leg)
                .Select(g => g.MaxBy(f => f.TimeMs)!)
                .Select(f => new FundingQuote(f.Leg, f.Rate1h, f.RateRaw, f.IntervalHours, f.Unit, f.TimeMs, poll.FetchedAtMs, sources.GetValueOrDefault((f.Symbol, f.Leg)), f.Implausible))
                .ToImmutableArray();
            if (legs.IsEmpty && previous.Markets.TryGetValue(market.Symbol, out var old)) legs = old.Legs;
            oi.TryGetValue(market.Symbol, out var o);
            prices.TryGetValue(market.Symbol, out var p);
            markets[market.Symbol] = new MarketQuote(market, legs, p?.Mark, p?.Index, o?.Base, o?.Usd, o?.LongUsd, o?.ShortUsd, poll.DataTimeMs ?? poll.FetchedAtMs,
                conventions.GetValueOrDefault(market.Symbol));
        }

        var cutoff = poll.FetchedAtMs - (long)LiquidationMemory.TotalMilliseconds;
        var liquidations = previous.RecentLiquidations.Where(l => l.TimeMs >= cutoff)
            .Concat(poll.Liquidations.Where(l => previous.RecentLiquidations.All(p => p.Id != l.Id)))
            .OrderBy(l => l.TimeMs)
            .TakeLast(2000)
            .ToImmutableArray();
        return new VenueSnapshot(venue, status, markets.ToImmutable(), liquidations,
            poll.Positions is { } positions ? positions.ToImmutableArray() : previous.Positions, errors.ToImmutableArray(), previous.Chain, previous.ChainLimits);
    }
}
