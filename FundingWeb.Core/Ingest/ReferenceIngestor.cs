using FundingWeb.Core.Funding;
using FundingWeb.Core.Live;
using FundingWeb.Core.Reference;
using FundingWeb.Core.Storage;
using FundingWeb.Core.Venues;

namespace FundingWeb.Core.Ingest;

/// <summary>
/// The reference feed's path to the screen, like <see cref="VenueIngestor"/>: keep only entries that can be shown (a plain
/// asset and exchange name, a plausible rate, not Hyperliquid's own slot), write them in one transaction, then publish. An
/// answer with nothing usable in it (an empty list, every slot null or without an interval) is not news: the feed goes stale
/// with the reason and the last readings stay, as after a failure. Only the feed's own part of the snapshot changes.
/// </summary>
public sealed class ReferenceIngestor(ReferenceRateRepository repository, MarketHub hub, TimeProvider time,
    double sanityBound1h = FundingPlausibility.DefaultSanityBound1h)
{
    public async Task<VenueStatus> IngestAsync(ReferenceReading reading, VenueStatusTracker tracker, double latencyMs, CancellationToken cancellationToken)
    {
        var quotes = new List<ReferenceQuote>(reading.Rates.Count);
        var refused = new List<MarketError>();
        foreach (var rate in reading.Rates)
        {
            if (rate.Exchange == ReferenceExchanges.Own) continue;
            var reason = !ReferenceExchanges.IsAssetName(rate.Asset) ? "asset name is not a plain symbol"
                : !ReferenceExchanges.IsUsable(rate.Exchange) ? "exchange name is not a plain word"
                : !(Math.Abs(rate.Rate1h) <= sanityBound1h) ? $"|rate_1h| {rate.Rate1h:G3} is beyond the sanity bound {sanityBound1h:G3}"
                : null;
            if (reason is null) quotes.Add(new ReferenceQuote(rate.Asset, rate.Exchange, reading.FetchedAtMs, rate.Rate1h, rate.RateRaw, rate.IntervalHours, rate.NextFundingTimeMs));
            else if (refused.Count < 10) refused.Add(new MarketError(Shorten(rate.Asset) + " " + Shorten(rate.Exchange), reason));
        }
        if (quotes.Count == 0)
        {
            var why = $"answered with no usable CEX reference rate ({reading.Rates.Count} parsed, {reading.Skipped} skipped"
                + (reading.Problems.Count > 0 ? "; " + reading.Problems[0] : refused.Count > 0 ? $"; {refused[0].Symbol}: {refused[0].Reason}" : "") + ")";
            return await FailAsync(tracker, why, latencyMs, cancellationToken).ConfigureAwait(false);
        }

        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var notes = reading.Problems.Select(p => new MarketError("predictedFundings", p, Kept: true)).Concat(refused).ToList();
        var status = tracker.Success(nowMs, latencyMs, null, notes);
        await repository.InsertAsync(quotes, cancellationToken).ConfigureAwait(false);
        hub.Publish(current => current.WithReferences(current.References.With(status, quotes), nowMs));
        return status;
    }

    public Task<VenueStatus> FailAsync(VenueStatusTracker tracker, string reason, double latencyMs, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var status = tracker.Failure(nowMs, latencyMs, reason);
        hub.Publish(current => current.WithReferences(current.References with { Status = status }, nowMs));
        return Task.FromResult(status);
    }

    // A refused name is quoted in the status: cut, so a hostile one cannot flood it.
    private static string Shorten(string text) => text.Length <= 24 ? text : text[..24] + "…";
}
