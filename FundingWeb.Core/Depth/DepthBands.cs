namespace FundingWeb.Core.Depth;

/// <summary>
/// Cumulative USD resting within ±0.1 / 0.5 / 1 / 2 % of mid on each side: Σ price × size of the bids priced at or above
/// mid × (1 − band) and of the asks at or below mid × (1 + band). For a pool model, the notional whose modelled cost stays
/// within the band (see <see cref="PoolModel"/>), labelled as such.
/// </summary>
/// <param name="BidUsd">Per band of <see cref="Bands"/>, in order.</param>
/// <param name="AskUsd">Per band of <see cref="Bands"/>, in order.</param>
public sealed record DepthBands(double Mid, double? Spread, IReadOnlyList<double> BidUsd, IReadOnlyList<double> AskUsd)
{
    /// <summary>The bands, as fractions of mid.</summary>
    public static IReadOnlyList<double> Bands { get; } = [0.001, 0.005, 0.01, 0.02];

    /// <summary>Null when the book has no mid (empty, one-sided or crossed): there is nothing to measure a band from.</summary>
    public static DepthBands? Of(OrderBook book)
    {
        ArgumentNullException.ThrowIfNull(book);
        if (book.Mid is not { } mid) return null;
        return new DepthBands(mid, book.Spread,
            Bands.Select(b => book.Bids.Where(l => l.Price >= mid * (1 - b)).Sum(l => l.Usd)).ToList(),
            Bands.Select(b => book.Asks.Where(l => l.Price <= mid * (1 + b)).Sum(l => l.Usd)).ToList());
    }
}
