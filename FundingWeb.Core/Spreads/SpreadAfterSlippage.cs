using FundingWeb.Core.Depth;
using FundingWeb.Core.Funding;

namespace FundingWeb.Core.Spreads;

/// <summary>
/// A funding spread net of fees and of slippage at a notional (PRODUCT.md): short the high venue, long the low one, each leg
/// the same USD notional. Entering sells on the high venue and buys on the low one; exiting buys back on the high venue and
/// sells on the low one, each walked on the book as it stands now (the exit is assumed to meet today's depth). All four are
/// fractions of one leg's notional, like the fees, so over H hours:
/// net APR = (high − low) × 8760 − (2 × (fee_high + fee_low) + Σ slippage) × 8760 ÷ H,
/// break-even hours = (2 × (fee_high + fee_low) + Σ slippage) ÷ (high − low).
/// Where any of the four has no figure (no book, a thin book, no mid), the net and break-even are null and
/// <see cref="Missing"/> says which leg: a figure left out is never counted as zero.
/// </summary>
public sealed record SpreadAfterSlippage(
    FundingSpread Spread,
    double NotionalUsd,
    SlippageQuote ShortEntry,
    SlippageQuote ShortExit,
    SlippageQuote LongEntry,
    SlippageQuote LongExit)
{
    public static SpreadAfterSlippage Of(FundingSpread spread, string asset, double notionalUsd, SlippageService slippage)
    {
        ArgumentNullException.ThrowIfNull(spread);
        ArgumentNullException.ThrowIfNull(slippage);
        return Of(spread, notionalUsd, (venue, side) => slippage.Slippage(venue, asset, notionalUsd, side));
    }

    /// <param name="slippage">The slippage of a venue's leg for the notional on a side.</param>
    public static SpreadAfterSlippage Of(FundingSpread spread, double notionalUsd, Func<string, TradeSide, SlippageQuote> slippage)
    {
        ArgumentNullException.ThrowIfNull(spread);
        ArgumentNullException.ThrowIfNull(slippage);
        return new SpreadAfterSlippage(spread, notionalUsd,
            slippage(spread.ShortVenue, TradeSide.Sell), slippage(spread.ShortVenue, TradeSide.Buy),
            slippage(spread.LongVenue, TradeSide.Buy), slippage(spread.LongVenue, TradeSide.Sell));
    }

    public IReadOnlyList<SlippageQuote> Legs => [ShortEntry, ShortExit, LongEntry, LongExit];

    /// <summary>Entry + exit slippage of both legs, a fraction of one leg's notional; null when any of the four has no figure.</summary>
    public double? TotalSlippage => Legs.All(l => l.Fraction is { } f && double.IsFinite(f)) ? Legs.Sum(l => l.Fraction!.Value) : null;

    /// <summary>Fees and slippage of the round trip on both legs, a fraction of one leg's notional.</summary>
    public double? RoundTripCost => TotalSlippage is { } s ? Spread.RoundTripFees + s : null;

    /// <summary>Spread APR less fees and slippage spread over <paramref name="holdingHours"/>; null when a leg has no slippage figure.</summary>
    public double? NetApr(double holdingHours)
    {
        if (!(holdingHours > 0) || !double.IsFinite(holdingHours))
        {
            throw new ArgumentOutOfRangeException(nameof(holdingHours), holdingHours, "Holding period is a positive number of hours.");
        }
        return RoundTripCost is { } cost ? Spread.SpreadApr - cost * FundingBasis.HoursPerYear / holdingHours : null;
    }

    /// <summary>Hours the spread must hold to earn back fees and slippage; null with no spread to earn or a leg without a figure.</summary>
    public double? BreakEvenHours =>
        RoundTripCost is { } cost && Spread.SpreadRate1h > 0 && double.IsFinite(cost / Spread.SpreadRate1h) ? cost / Spread.SpreadRate1h : null;

    /// <summary>The legs without a figure, each as "venue side: why"; empty when every leg has one.</summary>
    public IReadOnlyList<string> Missing => Legs.Where(l => l.Fraction is null)
        .Select(l => $"{l.Venue} {(l.Side == TradeSide.Buy ? "buy" : "sell")}: {l.Note}").ToList();
}
