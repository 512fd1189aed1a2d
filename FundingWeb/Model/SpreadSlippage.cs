using FundingWeb.Core.Depth;

namespace FundingWeb.Model;

/// <summary>
/// Entry and exit slippage of both legs of a spread at a notional: short leg sold in and bought out, long leg bought in and
/// sold out, each from <see cref="SlippageService"/>. <see cref="Fraction"/> is their sum, null unless all four have an
/// honest figure (a missing or thin book says so in <see cref="Note"/>). Measured when every leg walks a book; modelled
/// when a leg is a pool (GMX).
/// </summary>
public sealed record SpreadSlippage(double NotionalUsd, double? Fraction, string Label, string Note)
{
    public static SpreadSlippage Of(SlippageService service, string shortVenue, string longVenue, string asset, double notionalUsd)
    {
        SlippageQuote[] legs =
        [
            service.Slippage(shortVenue, asset, notionalUsd, TradeSide.Sell), service.Slippage(shortVenue, asset, notionalUsd, TradeSide.Buy),
            service.Slippage(longVenue, asset, notionalUsd, TradeSide.Buy), service.Slippage(longVenue, asset, notionalUsd, TradeSide.Sell),
        ];
        return FromLegs(legs, notionalUsd, "");
    }

    /// <summary>
    /// A spread against a CEX reference leg: only the venue leg is walked (entered on <paramref name="entry"/>, exited on the
    /// other side). The reference leg is not traded here, so nothing is claimed for it, and the note says so.
    /// </summary>
    public static SpreadSlippage OfVenueLeg(SlippageService service, string venue, TradeSide entry, string asset, double notionalUsd, string referenceLabel)
    {
        var exit = entry == TradeSide.Buy ? TradeSide.Sell : TradeSide.Buy;
        SlippageQuote[] legs = [service.Slippage(venue, asset, notionalUsd, entry), service.Slippage(venue, asset, notionalUsd, exit)];
        return FromLegs(legs, notionalUsd, $"; {referenceLabel}: {NotTradedNote}");
    }

    public const string NotTradedNote = "reference (not traded here): no fees or slippage counted for this leg";

    private static SpreadSlippage FromLegs(SlippageQuote[] legs, double notionalUsd, string tail)
    {
        var missing = legs.FirstOrDefault(l => l.Fraction is null);
        var label = legs.Any(l => l.Kind == SlippageKind.None) ? "no book"
            : legs.Any(l => l.Kind == SlippageKind.PoolModel) ? (legs.All(l => l.Kind == SlippageKind.PoolModel) ? "modelled (pool)" : "measured + modelled (pool)")
            : "measured (book)";
        var note = (missing?.Note ?? string.Join("; ", legs.Select(l => l.Note).Distinct(StringComparer.Ordinal))
            + (legs.Any(l => l.Stale) ? "; a source is stale" : "")) + tail;
        return new SpreadSlippage(notionalUsd, missing is null ? legs.Sum(l => l.Fraction!.Value) : null, label, note);
    }
}
