using FundingWeb.Core.Funding;
using FundingWeb.Core.Venues;

namespace FundingWeb.Core.Ingest;

/// <summary>
/// Reads each market's funding convention off a poll and compares it with the last read. One per venue (its poller is
/// the only caller), seeded with what the database remembers so a restart does not report every market as changed.
/// </summary>
public sealed class ConventionTracker(string venue, IReadOnlyDictionary<string, MarketConvention> known)
{
    private readonly Dictionary<string, MarketConvention> _known = new(known, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, MarketConvention> Known => _known;

    /// <summary>
    /// The market rate's quote (net leg, or GMX's long leg) says interval, unit and source; the market says cap and whether
    /// the interval is assumed. A market quoting nothing this poll keeps its last record: there is nothing new to read.
    /// </summary>
    public ConventionUpdate Read(IReadOnlyList<Market> markets, IReadOnlyList<RawFundingRate> funding, long readAtMs)
    {
        var quotes = new Dictionary<string, RawFundingRate>(StringComparer.Ordinal);
        foreach (var rate in funding)
        {
            if (rate.Kind != FundingKind.Quoted || rate.Leg is not (FundingLeg.Net or FundingLeg.Long)) continue;
            if (!quotes.TryGetValue(rate.Symbol, out var kept) || (kept.Leg == FundingLeg.Long && rate.Leg == FundingLeg.Net)) quotes[rate.Symbol] = rate;
        }

        var read = new Dictionary<string, MarketConvention>(StringComparer.Ordinal);
        var changes = new List<ConventionChange>();
        foreach (var market in markets)
        {
            if (market.Status != MarketStatus.Active || !quotes.TryGetValue(market.Symbol, out var quote)) continue;
            if (!double.IsFinite(quote.IntervalHours) || quote.IntervalHours <= 0) continue;
            var (cap1h, capSource) = Cap(market);
            var next = new MarketConvention(quote.IntervalHours, quote.Unit, cap1h, capSource, quote.Source, market.IntervalAssumed, readAtMs, readAtMs);
            if (_known.TryGetValue(market.Symbol, out var previous))
            {
                var found = Changes(market.Symbol, previous, next, readAtMs);
                changes.AddRange(found);
                next = found.Count == 0
                    ? next with { SinceMs = previous.SinceMs, LastChange = previous.LastChange }
                    : next with { LastChange = found[^1] };
            }
            _known[market.Symbol] = next;
            read[market.Symbol] = next;
        }
        return new ConventionUpdate(venue, read, changes);
    }

    private List<ConventionChange> Changes(string symbol, MarketConvention previous, MarketConvention next, long atMs)
    {
        var changes = new List<ConventionChange>(2);
        if (!previous.IntervalHours.Equals(next.IntervalHours))
        {
            changes.Add(new ConventionChange(venue, symbol, atMs, ConventionChange.IntervalField,
                ConventionChange.Hours(previous.IntervalHours), ConventionChange.Hours(next.IntervalHours)));
        }
        if (previous.Unit != next.Unit)
        {
            changes.Add(new ConventionChange(venue, symbol, atMs, ConventionChange.UnitField, previous.Unit.ToString(), next.Unit.ToString()));
        }
        return changes;
    }

    private static (double? Cap1h, string? Source) Cap(Market market) =>
        market.FundingCap is { } cap && double.IsFinite(cap) && cap > 0 && market.FundingIntervalHours > 0
            ? (cap / market.FundingIntervalHours, $"{cap * 100:0.####} % per {market.FundingIntervalHours:0.##} h, from the venue")
            : (null, null);
}
