using System.Globalization;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Live;
using FundingWeb.Core.Spreads;
using FundingWeb.Core.Storage;

namespace FundingWeb.Model;

/// <summary>
/// Per asset, the venue pair with the widest quoted funding difference (short the high-rate venue, long the low-rate
/// one), as APR, net of taker fees on both legs for a holding period, and how long that pair's spread has held.
/// </summary>
public static class SpreadsPageModel
{
    /// <summary>A spread "holds" while the same pair stays the same way round and wider than this.</summary>
    public const double HeldThresholdApr = 0.05;

    public static IReadOnlyList<(string Label, double Hours)> HoldingPeriods { get; } = [("24h", 24), ("7d", 168), ("30d", 720)];

    public static (string Label, double Hours) HoldingPeriod(string? token) =>
        HoldingPeriods.FirstOrDefault(h => string.Equals(h.Label, token, StringComparison.OrdinalIgnoreCase)) is { Label: not null } h ? h : HoldingPeriods[1];

    /// <summary>The notional the slippage columns walk the books for when the URL gives none.</summary>
    public const double DefaultNotionalUsd = 100_000;

    public const string NotionalParameter = "notional";

    /// <summary>A notional from the URL: a positive amount up to $1T, else the default and the reason.</summary>
    public static (double Notional, string? Error) ParseNotional(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (DefaultNotionalUsd, null);
        var clean = text.Replace(",", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Trim();
        if (double.TryParse(clean, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && v > 0 && v <= 1e12) return (v, null);
        var shown = text.Length <= 40 ? text : text[..40] + "…";
        return (DefaultNotionalUsd, $"Notional (USD): '{shown}' is not a number above 0 and at most 1,000,000,000,000: showing $100,000.");
    }

    public static ValueList<SpreadRow> Build(MarketSnapshot snapshot, ViewState state, double holdingHours,
        IReadOnlyDictionary<string, IReadOnlyList<FundingPoint>> quotedHistory, long nowMs,
        Func<string, string, string, SpreadSlippage>? slippage = null, Func<string, Core.Depth.TradeSide, string, SpreadSlippage>? venueLegSlippage = null,
        bool includeReferences = true)
    {
        var rows = new List<SpreadRow>();
        foreach (var asset in snapshot.Assets)
        {
            if (includeReferences && ReferenceSpreads.Widest(snapshot, asset, state, holdingHours, venueLegSlippage) is { } reference) rows.Add(reference);
            var quotes = snapshot.Venues.Values
                .Where(v => state.Shows(v.Venue.Id) && !v.Status.IsStale)
                // Implausible quotes never make a spread: a rate beyond the venue's cap would top every list.
                .Select(v => (Venue: v, Quote: v.ForAsset(asset)?.PlausibleFunding))
                .Where(x => x.Quote is not null)
                .ToList();
            if (quotes.Count < 2) continue;
            var spread = FundingSpread.Widest(quotes.Select(x => new SpreadQuote(x.Venue.Venue.Id, x.Quote!.Rate1h, x.Venue.Venue.TakerFee)));
            if (spread is null) continue;
            SpreadHeld? held = null;
            if (quotedHistory.TryGetValue(asset, out var history))
            {
                var series = FundingSpread.PairSeries(Rows(history, spread.ShortVenue), Rows(history, spread.LongVenue));
                var live = new SpreadSample(nowMs, spread.SpreadApr);
                held = FundingSpread.HeldSince(series.Append(live), HeldThresholdApr);
            }
            rows.Add(new SpreadRow(asset, spread, Name(snapshot, spread.ShortVenue), Name(snapshot, spread.LongVenue), spread.NetApr(holdingHours), held,
                slippage?.Invoke(spread.ShortVenue, spread.LongVenue, asset), holdingHours));
        }
        return rows.OrderByDescending(r => r.Spread.SpreadApr).ToValueList();
    }

    /// <summary>Hours of carry that pay back both legs' fees; past a year it never really pays.</summary>
    public static string BreakEven(double? hours) => hours switch
    {
        null or double.NaN or < 0 => Display.None,
        > 8760 => "> 1 y",
        < 48 => string.Create(CultureInfo.InvariantCulture, $"{hours:0.#} h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{hours / 24:0.#} d"),
    };

    /// <summary>How long a spread has held: minutes under 1.5 h, hours under 2 days, then days.</summary>
    public static string HeldFor(double? hours) => hours switch
    {
        null or double.NaN or < 0 or double.PositiveInfinity => Display.None,
        >= 48 => string.Create(CultureInfo.InvariantCulture, $"{hours / 24:0.#} d"),
        >= 1.5 => string.Create(CultureInfo.InvariantCulture, $"{hours:0.#} h"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{hours * 60:0} min"),
    };

    private static string Name(MarketSnapshot snapshot, string venue) => snapshot.Venues.TryGetValue(venue, out var v) ? v.Venue.Name : venue;

    private static IEnumerable<FundingRate> Rows(IReadOnlyList<FundingPoint> history, string venue) =>
        history.Where(p => p.Venue == venue)
            .Select(p => new FundingRate(p.Venue, p.Symbol, p.TimeMs, FundingKind.Quoted, FundingLeg.Net, p.Rate1h, 1, RateUnit.Fraction, p.Rate1h));
}

/// <summary>One asset's widest pair. The flat numbers below are what the grid sorts and filters on.</summary>
/// <param name="ReferenceExchange">Set when one leg is a CEX reference (<see cref="ReferenceSpreads"/>): that leg is not traded here.</param>
public sealed record SpreadRow(string Asset, FundingSpread Spread, string ShortVenueName, string LongVenueName, double NetApr, SpreadHeld? Held,
    SpreadSlippage? Slippage = null, double HoldingHours = 168, string? ReferenceExchange = null)
{
    /// <summary>Unique per grid line: an asset has at most one venue pair and one pair against a reference.</summary>
    public string Key => ReferenceExchange is null ? Asset : Asset + " vs reference";

    public bool ShortIsReference => ReferenceExchange is not null && Spread.ShortVenue == Core.Reference.ReferenceExchanges.LegId(ReferenceExchange);

    public bool LongIsReference => ReferenceExchange is not null && !ShortIsReference;

    /// <summary>The leg this app trades, for a reference row; null for a venue pair.</summary>
    public string? VenueLeg => ReferenceExchange is null ? null : ShortIsReference ? Spread.LongVenue : Spread.ShortVenue;

    /// <summary>Net of fees less both legs' entry and exit slippage, spread over the hold; null without all four figures.</summary>
    public double? NetAfterSlippageApr => Slippage?.Fraction is { } s ? NetApr - s * FundingBasis.HoursPerYear / HoldingHours : null;

    /// <summary>Hours of carry that pay back fees and slippage of both legs.</summary>
    public double? BreakEvenWithSlippageHours => Slippage?.Fraction is { } s && Spread.SpreadRate1h > 0 && double.IsFinite((Spread.RoundTripFees + s) / Spread.SpreadRate1h)
        ? (Spread.RoundTripFees + s) / Spread.SpreadRate1h
        : null;

    public double SpreadApr => Spread.SpreadApr;

    public double HighApr => Spread.HighRate1h * FundingBasis.HoursPerYear;

    public double LowApr => Spread.LowRate1h * FundingBasis.HoursPerYear;

    public double? BreakEvenHours => Spread.BreakEvenHours;

    /// <summary>
    /// From the run's first sample to now (the live sample is the run's last); null when it does not hold, or when a
    /// stored time is off the calendar (it then says nothing rather than a number of no meaning).
    /// </summary>
    public double? HeldHours => Held is null || Display.Utc(Held.SinceMs) == Display.None || Display.Utc(Held.LastMs) == Display.None
        ? null
        : (Held.LastMs - (double)Held.SinceMs) / 3_600_000;
}
