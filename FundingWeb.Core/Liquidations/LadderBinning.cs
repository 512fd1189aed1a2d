namespace FundingWeb.Core.Liquidations;

/// <summary>How a ladder's price axis is cut. Use <see cref="ByWidth"/> or <see cref="AroundPrice"/>.</summary>
/// <param name="Width">Fixed bin width in price units, bins on multiples of it; null with <see cref="AroundPrice"/>.</param>
/// <param name="Count">Bins across the whole ±range, edges measured from the range's low end; null with <see cref="ByWidth"/>.</param>
/// <param name="RangeFraction">Half-width of the ladder as a fraction of price (0.1 = ±10 %).</param>
public sealed record LadderBinning(double? Width, int? Count, double RangeFraction)
{
    /// <summary>Bins of a fixed width on a grid of its multiples, so bin edges stay put while the price moves.</summary>
    public static LadderBinning ByWidth(double width, double rangeFraction = 0.5)
    {
        if (!(width > 0) || !double.IsFinite(width))
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, "Bin width must be a positive price.");
        }
        return new LadderBinning(width, null, CheckRange(rangeFraction));
    }

    /// <summary><paramref name="count"/> equal bins over price × (1 ± range); an even count puts the price on an edge.</summary>
    public static LadderBinning AroundPrice(int count, double rangeFraction)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return new LadderBinning(null, count, CheckRange(rangeFraction));
    }

    private static double CheckRange(double rangeFraction) => rangeFraction > 0 && rangeFraction <= 1
        ? rangeFraction
        : throw new ArgumentOutOfRangeException(nameof(rangeFraction), rangeFraction, "Range is a fraction of price in (0, 1].");
}
