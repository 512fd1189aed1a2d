namespace FundingWeb.Core.Liquidations;

/// <summary>
/// Cumulative notional liquidated if price moved to each level: longs below the price, shorts above, in price bins,
/// each list ordered from the bin at the price outward (PRODUCT.md, Liquidation ladder).
/// </summary>
/// <param name="ExcludedUsd">Notional left out: outside the range, or already on the wrong side of the price (a long
/// whose liquidation price is at or above it), which for measured positions means a stale position snapshot.</param>
public sealed record LiquidationLadder(
    LadderKind Kind,
    double Price,
    double BinWidth,
    IReadOnlyList<LadderBin> Longs,
    IReadOnlyList<LadderBin> Shorts,
    double LongUsd,
    double ShortUsd,
    double ExcludedUsd)
{
    /// <summary>Guards against a width far too small for the price (a million empty bins sent to a chart).</summary>
    public const int MaxBinsPerLadder = 100_000;

    /// <summary>True when a ladder can be drawn around <paramref name="price"/> (positive, finite, with room for its bins).</summary>
    public static bool CanBin(double price, LadderBinning binning)
    {
        ArgumentNullException.ThrowIfNull(binning);
        return LadderGrid.Problem(price, binning) is null;
    }

    public static LiquidationLadder Build(IEnumerable<LadderEntry> entries, double price, LadderBinning binning, LadderKind kind)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(binning);
        if (!(price > 0) || !double.IsFinite(price))
        {
            throw new ArgumentOutOfRangeException(nameof(price), price, "Price must be positive.");
        }
        if (LadderGrid.Problem(price, binning) is { } problem)
        {
            throw new ArgumentException(problem, nameof(binning));
        }
        var grid = LadderGrid.For(price, binning);
        var longs = new double[grid.LongBins];
        var shorts = new double[grid.ShortBins];
        var excluded = 0d;

        foreach (var entry in entries)
        {
            // Garbage notional (not a plausible USD amount) is dropped, not counted as excluded: sums stay finite.
            if (!(entry.NotionalUsd > 0) || !OpenInterest.UsdAmount.IsPlausible(entry.NotionalUsd) || !double.IsFinite(entry.LiquidationPrice))
            {
                continue;
            }
            var index = entry.Side == LiquidationSide.Long ? grid.LongIndex(entry.LiquidationPrice) : grid.ShortIndex(entry.LiquidationPrice);
            if (index is not { } i)
            {
                excluded += entry.NotionalUsd;
            }
            else if (entry.Side == LiquidationSide.Long)
            {
                longs[i] += entry.NotionalUsd;
            }
            else
            {
                shorts[i] += entry.NotionalUsd;
            }
        }

        return new LiquidationLadder(
            kind, price, grid.Width,
            Accumulate(longs, i => grid.LongBounds(i)), Accumulate(shorts, i => grid.ShortBounds(i)),
            longs.Sum(), shorts.Sum(), excluded);
    }

    private static LadderBin[] Accumulate(double[] notional, Func<int, (double Low, double High)> bounds)
    {
        var bins = new LadderBin[notional.Length];
        var cumulative = 0d;
        for (var i = 0; i < notional.Length; i++)
        {
            cumulative += notional[i];
            var (low, high) = bounds(i);
            bins[i] = new LadderBin(low, high, notional[i], cumulative);
        }
        return bins;
    }
}
