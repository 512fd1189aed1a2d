using System.Globalization;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Live;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.Spreads;

namespace FundingWeb.Core.Alerts;

/// <summary>
/// Reads each kind of rule off a snapshot. Null means "nothing to say" (asset or venue absent, not watched long
/// enough): the rule keeps its state. Stale venues are left out of market readings: their quotes are old news.
/// </summary>
internal static class AlertReadings
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static AlertReading? FundingThreshold(FundingThresholdRule rule, MarketSnapshot snapshot, bool firing)
    {
        var values = FreshVenues(snapshot, rule.Venue)
            .Select(v => (Venue: v.Venue.Id, Rate1h: v.ForAsset(rule.Asset)?.PlausibleFunding?.Rate1h))
            .Where(x => x.Rate1h is { } r && double.IsFinite(r))
            .Select(x => (x.Venue, x.Rate1h!.Value, Value: FundingBasis.FromRate1h(x.Rate1h!.Value, rule.Basis)))
            .ToArray();
        if (values.Length == 0)
        {
            return null;
        }
        var above = rule.Direction == ThresholdDirection.Above;
        var pick = above
            ? values.OrderByDescending(x => x.Value).ThenBy(x => x.Venue, StringComparer.Ordinal).First()
            : values.OrderBy(x => x.Value).ThenBy(x => x.Venue, StringComparer.Ordinal).First();
        var breached = above
            ? pick.Value > (firing ? rule.Threshold - rule.Hysteresis : rule.Threshold)
            : pick.Value < (firing ? rule.Threshold + rule.Hysteresis : rule.Threshold);
        var reason = string.Create(Inv,
            $"{rule.Asset} funding on {pick.Venue} {FundingBasis.FormatPercent(pick.Item2, rule.Basis)} {FundingBasis.Label(rule.Basis)}, " +
            $"threshold {(above ? "above" : "below")} {rule.Threshold * 100:0.####} %");
        return new AlertReading(pick.Value, breached, reason, pick.Venue, rule.Asset);
    }

    public static AlertReading? FundingFlip(FundingFlipRule rule, MarketSnapshot snapshot, ref AlertRuleState state)
    {
        if (!snapshot.Venues.TryGetValue(rule.Venue, out var venue) || venue.Status.IsStale
            || venue.ForAsset(rule.Asset)?.PlausibleFunding?.Rate1h is not { } rate1h || !double.IsFinite(rate1h))
        {
            return null;
        }
        var value = FundingBasis.FromRate1h(rate1h, rule.Basis);
        var band = Math.Abs(rule.Hysteresis);
        var sign = value > band ? 1 : value < -band ? -1 : state.Sign;
        var reference = state.ReferenceSign;
        if (reference == 0 && sign != 0)
        {
            reference = rule.Direction switch
            {
                FlipDirection.ToNegative => sign > 0 ? 1 : 0,
                FlipDirection.ToPositive => sign < 0 ? -1 : 0,
                _ => sign,
            };
        }
        state = state with { Sign = sign, ReferenceSign = reference };
        var breached = reference != 0 && sign == -reference;
        var reason = breached
            ? $"{rule.Asset} funding on {rule.Venue} {FundingBasis.FormatPercent(rate1h, rule.Basis)} {FundingBasis.Label(rule.Basis)}, flipped {Word(reference)} → {Word(sign)}"
            : $"{rule.Asset} funding on {rule.Venue} {FundingBasis.FormatPercent(rate1h, rule.Basis)} {FundingBasis.Label(rule.Basis)}, {Word(sign)}";
        return new AlertReading(value, breached, reason, rule.Venue, rule.Asset);
    }

    public static AlertReading? Spread(SpreadRule rule, MarketSnapshot snapshot, bool firing)
    {
        var quotes = FreshVenues(snapshot, null)
            .Select(v => (v.Venue, Rate1h: v.ForAsset(rule.Asset)?.PlausibleFunding?.Rate1h))
            .Where(x => x.Rate1h is not null)
            .Select(x => new SpreadQuote(x.Venue.Id, x.Rate1h!.Value, x.Venue.TakerFee));
        if (FundingSpread.Widest(quotes) is not { } spread)
        {
            return null;
        }
        var breached = spread.SpreadApr > (firing ? rule.ThresholdApr - rule.Hysteresis : rule.ThresholdApr);
        var reason = string.Create(Inv,
            $"{rule.Asset} spread {spread.SpreadApr * 100:0.00} % APR (short {spread.ShortVenue}, long {spread.LongVenue}), " +
            $"threshold {rule.ThresholdApr * 100:0.##} % APR for {rule.MinDuration.TotalMinutes:0.#} min");
        return new AlertReading(spread.SpreadApr, breached, reason, $"{spread.ShortVenue}/{spread.LongVenue}", rule.Asset);
    }

    public static AlertReading? OpenInterestChange(OpenInterestChangeRule rule, MarketSnapshot snapshot, long nowMs, bool firing, OpenInterestHistory history)
    {
        var values = FreshVenues(snapshot, rule.Venue)
            .Select(v => v.ForAsset(rule.Asset)?.OpenInterestUsd)
            .Where(u => u is { } x && double.IsFinite(x) && x >= 0)
            .Select(u => u!.Value)
            .ToArray();
        if (values.Length == 0)
        {
            return null;
        }
        var now = values.Sum();
        if (history.AddAndLookBack(rule.Id, nowMs, now, rule.Window) is not { } then || !(then > 0))
        {
            return null;
        }
        var change = (now - then) / then;
        var measured = rule.Direction switch
        {
            ChangeDirection.Rise => change,
            ChangeDirection.Fall => -change,
            _ => Math.Abs(change),
        };
        var breached = measured > (firing ? rule.ThresholdFraction - rule.Hysteresis : rule.ThresholdFraction);
        var reason = string.Create(Inv,
            $"{rule.Asset} open interest{(rule.Venue is null ? "" : " on " + rule.Venue)} {change * 100:+0.0;-0.0;0.0} % over " +
            $"{rule.Window.TotalMinutes:0.#} min (${then:#,0} → ${now:#,0}), threshold {rule.ThresholdFraction * 100:0.##} %");
        return new AlertReading(change, breached, reason, rule.Venue, rule.Asset);
    }

    public static AlertReading? LadderProximity(LadderProximityRule rule, MarketSnapshot snapshot, bool firing, ILiquidationLevels levels)
    {
        var band = rule.WithinFraction + (firing ? Math.Abs(rule.Hysteresis) : 0);
        AlertReading? best = null;
        foreach (var venue in FreshVenues(snapshot, rule.Venue))
        {
            if (venue.ForAsset(rule.Asset) is not { Price: { } price } market || !(price > 0))
            {
                continue;
            }
            var entries = levels.For(venue, market).Where(e => e.NotionalUsd > 0 && double.IsFinite(e.NotionalUsd)).ToArray();
            foreach (var side in new[] { LiquidationSide.Long, LiquidationSide.Short })
            {
                if (rule.Side is { } only && only != side)
                {
                    continue;
                }
                var near = side == LiquidationSide.Long
                    ? entries.Where(e => e.Side == side && e.LiquidationPrice < price && e.LiquidationPrice >= price * (1 - band))
                    : entries.Where(e => e.Side == side && e.LiquidationPrice > price && e.LiquidationPrice <= price * (1 + band));
                var list = near.ToArray();
                var usd = list.Sum(e => e.NotionalUsd);
                if (best is not null && usd <= best.Value)
                {
                    continue;
                }
                var nearest = list.Length == 0 ? (double?)null : list.MinBy(e => Math.Abs(e.LiquidationPrice - price))!.LiquidationPrice;
                var nearestText = nearest is { } n ? string.Create(Inv, $" (nearest {n:0.####})") : "";
                var reason = string.Create(Inv,
                    $"${usd:#,0} of {rule.Asset} {(side == LiquidationSide.Long ? "long" : "short")} liquidations on {venue.Venue.Id} within {band * 100:0.##} % {(side == LiquidationSide.Long ? "below" : "above")} {price:0.####}{nearestText}, minimum ${rule.MinNotionalUsd:#,0}");
                best = new AlertReading(usd, usd >= rule.MinNotionalUsd, reason, venue.Venue.Id, rule.Asset);
            }
        }
        return best;
    }

    public static AlertReading? VenueStale(VenueStaleRule rule, MarketSnapshot snapshot, long nowMs, bool firing)
    {
        var venues = rule.Venue is null
            ? snapshot.Venues.Values.ToArray()
            : snapshot.Venues.TryGetValue(rule.Venue, out var one) ? [one] : [];
        if (venues.Length == 0)
        {
            return null;
        }
        // The venue health rule every view shows: stale, or degraded (it answers but no market is readable).
        var worst = venues
            .Select(v => (Venue: v, Health: Ingest.VenueHealth.Of(v)))
            .Select(x => (x.Venue, x.Health, StaleMs: x.Health.IsFresh ? -1L : x.Health.SinceMs is { } s ? Math.Max(0, nowMs - s) : 0L))
            .OrderByDescending(x => x.StaleMs).ThenBy(x => x.Venue.Venue.Id, StringComparer.Ordinal)
            .First();
        var minutes = Math.Max(0, worst.StaleMs) / 60_000d;
        var breached = worst.StaleMs >= 0 && (firing || worst.StaleMs > (long)rule.MinStale.TotalMilliseconds);
        var reason = worst.StaleMs < 0
            ? $"{worst.Venue.Venue.Id} is fresh"
            : string.Create(Inv, $"{worst.Venue.Venue.Id} {worst.Health.Label} for {minutes:0.#} min: {worst.Health.Reason ?? "no reason given"}");
        return new AlertReading(minutes, breached, reason, worst.Venue.Venue.Id, null);
    }

    public static AlertReading Composite(CompositeRule rule, IReadOnlyDictionary<string, AlertRuleState> states, IReadOnlyDictionary<string, AlertRule> rules, long nowMs)
    {
        var fromMs = nowMs - (long)rule.Within.TotalMilliseconds;
        var tripped = rule.RuleIds
            .Where(id => states.TryGetValue(id, out var s) && s.LastFiredMs is { } f && f >= fromMs)
            .Select(id => rules.TryGetValue(id, out var r) ? r.Name : id)
            .ToArray();
        var names = tripped.Length > 0 ? ": " + string.Join(", ", tripped) : "";
        var reason = string.Create(Inv, $"{tripped.Length} of {rule.RuleIds.Count} fired within {rule.Within.TotalMinutes:0.#} min{names}, {rule.Required} needed");
        return new AlertReading(tripped.Length, tripped.Length >= rule.Required, reason, null, null);
    }

    /// <summary>
    /// The newest interval or unit change among the watched markets. Stale venues count: a change read before the venue went
    /// stale is still a fact. Nothing to say until some watched market has changed once.
    /// </summary>
    public static AlertReading? ConventionChange(ConventionChangeRule rule, MarketSnapshot snapshot, long nowMs)
    {
        var newest = snapshot.Venues.Values
            .Where(v => rule.Venue is null || v.Venue.Id == rule.Venue)
            .SelectMany(v => v.Markets.Values
                .Where(m => rule.Asset is null || string.Equals(m.Market.BaseAsset, rule.Asset, StringComparison.OrdinalIgnoreCase))
                .Select(m => (Venue: v.Venue.Id, m.Market.BaseAsset, Change: m.Convention?.LastChange)))
            .Where(x => x.Change is not null)
            .OrderByDescending(x => x.Change!.TimeMs).ThenBy(x => x.Venue, StringComparer.Ordinal).ThenBy(x => x.Change!.Symbol, StringComparer.Ordinal)
            .FirstOrDefault();
        if (newest.Change is not { } change)
        {
            return null;
        }
        var ageMs = Math.Max(0, nowMs - change.TimeMs);
        var minutes = ageMs / 60_000d;
        var reason = string.Create(Inv, $"{newest.Venue} {change.Describe()}, {minutes:0.#} min ago");
        return new AlertReading(minutes, ageMs < (long)rule.Window.TotalMilliseconds, reason, newest.Venue, newest.BaseAsset);
    }

    private static IEnumerable<VenueSnapshot> FreshVenues(MarketSnapshot snapshot, string? venue) =>
        snapshot.Venues.Values.Where(v => !v.Status.IsStale && (venue is null || v.Venue.Id == venue));

    private static string Word(int sign) => sign > 0 ? "positive" : sign < 0 ? "negative" : "flat";
}
