namespace FundingWeb.Core.Liquidations;

/// <summary>
/// The price axis of one ladder: grid bin k is [Origin + k·Width, Origin + (k+1)·Width) for k in [MinK, MaxK].
/// Long bins are numbered from the price downward and short bins from the price upward; the grid bin holding the
/// price is split between them at the price.
/// </summary>
internal sealed class LadderGrid
{
    /// <summary>In bin widths: closer than this to an edge counts as on it.</summary>
    private const double EdgeTolerance = 1e-9;

    private readonly double _price;
    private readonly double _origin;
    private readonly long _minK;
    private readonly long _maxK;
    private readonly long _firstLongK;
    private readonly long _firstShortK;

    private LadderGrid(double price, double origin, double width, long minK, long maxK)
    {
        _price = price;
        _origin = origin;
        Width = width;
        _minK = minK;
        _maxK = maxK;
        var position = (price - origin) / width;
        var nearestEdge = Math.Round(position);
        // A price on a bin edge (an even AroundPrice count, or a round price) must not leave a zero-width bin behind.
        var onEdge = Math.Abs(position - nearestEdge) < EdgeTolerance;
        var priceK = onEdge ? (long)nearestEdge : (long)Math.Floor(position);
        _firstLongK = Math.Min(onEdge ? priceK - 1 : priceK, maxK);
        _firstShortK = Math.Max(priceK, minK);
        if (maxK - minK + 1 > LiquidationLadder.MaxBinsPerLadder)
        {
            throw new ArgumentException($"{maxK - minK + 1} bins exceed {LiquidationLadder.MaxBinsPerLadder}; use a wider bin.");
        }
    }

    public double Width { get; }

    public int LongBins => (int)Math.Max(0, _firstLongK - _minK + 1);

    public int ShortBins => (int)Math.Max(0, _maxK - _firstShortK + 1);

    /// <summary>Why <paramref name="price"/> cannot be binned this way, or null when it can.</summary>
    public static string? Problem(double price, LadderBinning binning)
    {
        if (!(price > 0) || !double.IsFinite(price))
        {
            return "Price must be positive.";
        }
        var low = price * (1 - binning.RangeFraction);
        var high = price * (1 + binning.RangeFraction);
        var width = binning.Width ?? (high - low) / (binning.Count ?? 1);
        // A price near the ends of the double range leaves no room for the ladder: its top overflows, or its bins are
        // narrower than the doubles around it and would all collapse onto one edge.
        if (!double.IsFinite(high) || !(width > 0) || !double.IsFinite(width) || !(low + width > low) || !(price - width < price))
        {
            return $"Price {price:G6} leaves no room for a ladder of bins {width:G6} wide.";
        }
        if (binning.Width is { } w && (Math.Ceiling(high / w) - Math.Floor(low / w)) > LiquidationLadder.MaxBinsPerLadder)
        {
            return $"More than {LiquidationLadder.MaxBinsPerLadder} bins of {w:G6} around {price:G6}; use a wider bin.";
        }
        return null;
    }

    public static LadderGrid For(double price, LadderBinning binning)
    {
        var low = price * (1 - binning.RangeFraction);
        var high = price * (1 + binning.RangeFraction);
        if (binning.Width is { } width)
        {
            // Whole grid bins covering the range: a bin partly inside it is shown whole. The tolerance keeps
            // 100,000 × 0.9 = 89,999.999… from adding a bin below 90,000.
            return new LadderGrid(price, 0, width, (long)Math.Floor(low / width + EdgeTolerance), (long)Math.Ceiling(high / width - EdgeTolerance) - 1);
        }
        var count = binning.Count ?? throw new ArgumentException("Binning needs a width or a count.", nameof(binning));
        return new LadderGrid(price, low, (high - low) / count, 0, count - 1);
    }

    /// <summary>The long bin (0 = nearest the price) of a liquidation price, or null when it is not strictly below the price or is out of range.</summary>
    public int? LongIndex(double liquidationPrice)
    {
        if (!(liquidationPrice < _price) || liquidationPrice < Edge(_minK))
        {
            return null;
        }
        var k = Math.Min((long)Math.Floor((liquidationPrice - _origin) / Width), _firstLongK);
        return (int)(_firstLongK - Math.Max(k, _minK));
    }

    /// <summary>The short bin (0 = nearest the price) of a liquidation price, or null when it is not strictly above the price or is out of range.</summary>
    public int? ShortIndex(double liquidationPrice)
    {
        if (!(liquidationPrice > _price) || liquidationPrice > Edge(_maxK + 1))
        {
            return null;
        }
        // The range's top edge itself belongs to the last bin.
        var k = Math.Clamp((long)Math.Floor((liquidationPrice - _origin) / Width), _firstShortK, _maxK);
        return (int)(k - _firstShortK);
    }

    public (double Low, double High) LongBounds(int index)
    {
        var k = _firstLongK - index;
        return (Edge(k), Math.Min(Edge(k + 1), _price));
    }

    public (double Low, double High) ShortBounds(int index)
    {
        var k = _firstShortK + index;
        return (Math.Max(Edge(k), _price), Edge(k + 1));
    }

    private double Edge(long k) => _origin + k * Width;
}
