namespace FundingWeb.Core.Depth;

/// <summary>
/// Slippage at notional (PRODUCT.md): walk the book from the best price until the notional is filled; slippage =
/// |VWAP − mid| ÷ mid. A buy walks the asks, a sell the bids; the notional is USD at the prices filled (Σ price × size taken).
/// </summary>
public static class Slippage
{
    /// <summary>A notional filled to within this share of itself counts as filled (floating-point dust, not liquidity).</summary>
    private const double FillTolerance = 1e-9;

    public static SlippageResult Walk(OrderBook book, double notionalUsd, TradeSide side)
    {
        ArgumentNullException.ThrowIfNull(book);
        if (!(notionalUsd > 0) || !double.IsFinite(notionalUsd))
        {
            return SlippageResult.Nothing(SlippageStatus.InvalidNotional, side, notionalUsd, book.Mid);
        }
        var levels = book.SideFor(side);
        if (levels.Count == 0) return SlippageResult.Nothing(SlippageStatus.NoLiquidity, side, notionalUsd, book.Mid);

        double filledUsd = 0, filledBase = 0, worst = 0;
        var used = 0;
        foreach (var level in levels)
        {
            var remaining = notionalUsd - filledUsd;
            if (remaining <= notionalUsd * FillTolerance) break;
            var take = Math.Min(remaining, level.Usd);
            filledUsd += take;
            filledBase += take / level.Price;
            worst = level.Price;
            used++;
        }
        var filled = notionalUsd - filledUsd <= notionalUsd * FillTolerance;
        var vwap = filledUsd / filledBase;
        var mid = book.Mid;
        double? fraction = mid is { } m ? Math.Abs(vwap - m) / m : null;
        var status = mid is null ? SlippageStatus.NoMid : filled ? SlippageStatus.Filled : SlippageStatus.Thin;
        return new SlippageResult(status, side, notionalUsd, filled ? notionalUsd : filledUsd, filledBase, vwap, mid, worst, fraction, used);
    }
}
