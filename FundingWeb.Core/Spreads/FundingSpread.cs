using FundingWeb.Core.Funding;

namespace FundingWeb.Core.Spreads;

/// <summary>
/// The widest cross-venue funding spread of an asset: short the high-rate venue (receive its funding when positive),
/// long the low-rate venue. Net of fees, entering and exiting both legs as a taker costs 2 × (fee_high + fee_low) of
/// notional once per holding period, so over H hours:
/// net APR = (high − low) × 8760 − 2 × (fee_high + fee_low) × 8760 ÷ H.
/// The estimate assumes both quotes stay where they are for H hours; slippage and price impact are not included.
/// </summary>
public sealed record FundingSpread(
    string ShortVenue,
    double HighRate1h,
    double HighTakerFee,
    string LongVenue,
    double LowRate1h,
    double LowTakerFee)
{
    public double SpreadRate1h => HighRate1h - LowRate1h;

    public double SpreadApr => SpreadRate1h * FundingBasis.HoursPerYear;

    /// <summary>Open and close both legs as a taker: 2 × (fee_high + fee_low), a fraction of notional.</summary>
    public double RoundTripFees => 2 * (HighTakerFee + LowTakerFee);

    /// <summary>Spread APR less the round trip spread over a holding period of <paramref name="holdingHours"/>.</summary>
    public double NetApr(double holdingHours)
    {
        if (!(holdingHours > 0) || !double.IsFinite(holdingHours))
        {
            throw new ArgumentOutOfRangeException(nameof(holdingHours), holdingHours, "Holding period is a positive number of hours.");
        }
        return SpreadApr - RoundTripFees * FundingBasis.HoursPerYear / holdingHours;
    }

    /// <summary>Hours the spread must hold to earn back the round-trip fees; null when there is no spread to earn.</summary>
    public double? BreakEvenHours => SpreadRate1h > 0 && double.IsFinite(RoundTripFees / SpreadRate1h) ? RoundTripFees / SpreadRate1h : null;

    /// <summary>
    /// Largest |rate_1h| a spread is computed from: the difference of two such rates, annualised, is still finite. Far
    /// above any real rate (implausible ones included), so it only keeps garbage from printing ∞.
    /// </summary>
    public const double MaxRate1h = double.MaxValue / (4 * FundingBasis.HoursPerYear);

    /// <summary>
    /// The pair with the largest rate_1h difference (highest − lowest quote); null with fewer than two venues. Ties are
    /// broken by venue id so the pair shown does not flicker between equal venues. Quotes that are not numbers, beyond
    /// <see cref="MaxRate1h"/>, or with a fee that is not a fraction of notional are left out.
    /// </summary>
    public static FundingSpread? Widest(IEnumerable<SpreadQuote> quotes)
    {
        ArgumentNullException.ThrowIfNull(quotes);
        var valid = quotes
            .Where(q => Math.Abs(q.Rate1h) <= MaxRate1h && double.IsFinite(q.TakerFee) && Math.Abs(q.TakerFee) <= 1)
            .OrderBy(q => q.Rate1h).ThenBy(q => q.Venue, StringComparer.Ordinal)
            .ToArray();
        if (valid.Select(q => q.Venue).Distinct(StringComparer.Ordinal).Count() < 2)
        {
            return null;
        }
        var low = valid[0];
        var high = valid.Last(q => q.Venue != low.Venue);
        return new FundingSpread(high.Venue, high.Rate1h, high.TakerFee, low.Venue, low.Rate1h, low.TakerFee);
    }

    /// <summary>
    /// The spread of one pair over time from the two venues' quoted rows: at every time either venue quoted, once both
    /// have, the short venue's latest rate − the long venue's latest rate, as APR.
    /// </summary>
    public static IReadOnlyList<SpreadSample> PairSeries(
        IEnumerable<FundingRate> shortVenueRows, IEnumerable<FundingRate> longVenueRows,
        FundingLeg shortLeg = FundingLeg.Net, FundingLeg longLeg = FundingLeg.Net)
    {
        ArgumentNullException.ThrowIfNull(shortVenueRows);
        ArgumentNullException.ThrowIfNull(longVenueRows);
        var events = shortVenueRows.Where(r => r.Kind == FundingKind.Quoted && r.Leg == shortLeg).Select(r => (r.TimeMs, IsShort: true, r.Rate1h))
            .Concat(longVenueRows.Where(r => r.Kind == FundingKind.Quoted && r.Leg == longLeg).Select(r => (r.TimeMs, IsShort: false, r.Rate1h)))
            .Where(e => Math.Abs(e.Rate1h) <= MaxRate1h)
            .OrderBy(e => e.TimeMs);

        var samples = new List<SpreadSample>();
        double? high = null, low = null;
        foreach (var e in events)
        {
            high = e.IsShort ? e.Rate1h : high;
            low = e.IsShort ? low : e.Rate1h;
            if (high is { } h && low is { } l)
            {
                var sample = new SpreadSample(e.TimeMs, (h - l) * FundingBasis.HoursPerYear);
                // Both venues quoting at the same millisecond make one sample, not two.
                if (samples.Count > 0 && samples[^1].TimeMs == e.TimeMs)
                {
                    samples[^1] = sample;
                }
                else
                {
                    samples.Add(sample);
                }
            }
        }
        return samples;
    }

    /// <summary>
    /// How long the latest sample's sign has held with |spread| above <paramref name="thresholdApr"/>, walking back
    /// from the latest sample; null when the latest sample itself is zero or within the threshold.
    /// </summary>
    public static SpreadHeld? HeldSince(IEnumerable<SpreadSample> series, double thresholdApr = 0)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (!(thresholdApr >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(thresholdApr), thresholdApr, "Threshold is a non-negative APR.");
        }
        var samples = series.Where(s => double.IsFinite(s.SpreadApr)).OrderBy(s => s.TimeMs).ToArray();
        if (samples.Length == 0)
        {
            return null;
        }
        var last = samples[^1];
        var sign = Math.Sign(last.SpreadApr);
        bool Holds(SpreadSample s) => Math.Sign(s.SpreadApr) == sign && Math.Abs(s.SpreadApr) > thresholdApr;
        if (sign == 0 || !Holds(last))
        {
            return null;
        }
        var first = samples.Length - 1;
        while (first > 0 && Holds(samples[first - 1]))
        {
            first--;
        }
        return new SpreadHeld(samples[first].TimeMs, last.TimeMs, samples.Length - first);
    }
}
