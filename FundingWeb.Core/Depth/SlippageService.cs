using System.Globalization;
using FundingWeb.Core.Live;
using FundingWeb.Core.Portfolio;

namespace FundingWeb.Core.Depth;

/// <summary>
/// The one slippage figure the Spreads, Carry and Portfolio views use: for a venue, asset, USD notional and side, a walk of the
/// latest book the depth poller read (measured), or GMX's pool model (modelled), or none, always with its kind and the age of
/// what it came from. The venue's market for an asset is the one the rest of the dashboard shows (<see cref="VenueSnapshot.ForAsset"/>).
/// </summary>
public sealed class SlippageService(MarketHub hub, DepthBookStore store, TimeProvider time, DepthOptions options)
{
    public SlippageQuote Slippage(string venue, string asset, double notionalUsd, TradeSide side)
    {
        ArgumentNullException.ThrowIfNull(venue);
        ArgumentNullException.ThrowIfNull(asset);
        var id = venue.ToLowerInvariant();
        if (!hub.Current.Venues.TryGetValue(id, out var snapshot)) return SlippageQuote.None(id, asset, null, notionalUsd, side, $"{venue} is not in the feed");
        if (snapshot.ForAsset(asset) is not { } market) return SlippageQuote.None(id, asset, null, notionalUsd, side, $"{snapshot.Venue.Name} lists no {asset} market");
        var symbol = market.Market.Symbol;
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();

        if (store.Pool(id, symbol) is { } pool)
        {
            var result = PoolModel.Walk(pool, notionalUsd, side, market.Price, options.GmxLinearCostAtFullLiquidity);
            return Quote(SlippageKind.PoolModel, result, pool.TimeMs, PoolModel.Describe(pool, options.GmxLinearCostAtFullLiquidity) + Suffix(result, "pool"));
        }
        if (store.Book(id, symbol) is not { } book) return SlippageQuote.None(id, asset, symbol, notionalUsd, side, $"no {symbol} book read from {snapshot.Venue.Name} yet");
        var walked = Depth.Slippage.Walk(book, notionalUsd, side);
        return Quote(SlippageKind.Book, walked, book.TimeMs, $"measured: {snapshot.Venue.Name} {symbol} book" + Suffix(walked, "book", book));

        SlippageQuote Quote(SlippageKind kind, SlippageResult result, long sourceMs, string note)
        {
            var age = TimeSpan.FromMilliseconds(Math.Max(0, now - sourceMs));
            return new SlippageQuote(id, asset, symbol, notionalUsd, side, kind, result, sourceMs, age, age > options.StaleAfter, note);
        }
    }

    /// <summary>
    /// The move a forced flow of <c>notionalUsd</c> makes, for <see cref="PortfolioStress"/>'s cascade. Book: how far the walk
    /// leaves the price from mid (|worst − mid| ÷ mid); where the visible book runs out, the move it reached scaled by notional ÷
    /// filled (the book's average depth per unit of move carried on past its last level: a model, the only one a finite book
    /// allows). Pool: the pool model's cost, scaled the same way past the available liquidity (GMX's oracle price does not
    /// itself move with its liquidations, so this is the conservative reading). No book: <paramref name="whenUnknown"/>, else 0
    /// (no cascade through depth for that market, as without an impact at all).
    /// </summary>
    public PriceImpact AsPriceImpact(PriceImpact? whenUnknown = null) => (venue, asset, notionalUsd, selling) =>
    {
        var quote = Slippage(venue, asset, notionalUsd, selling ? TradeSide.Sell : TradeSide.Buy);
        var result = quote.Result;
        double? move = quote.Kind switch
        {
            SlippageKind.Book when result is { Status: SlippageStatus.Filled } => result.WorstMove,
            SlippageKind.Book when result is { Status: SlippageStatus.Thin, FilledUsd: > 0 } => result.WorstMove * result.NotionalUsd / result.FilledUsd,
            SlippageKind.PoolModel when result is { Status: SlippageStatus.Filled } => result.FilledFraction,
            SlippageKind.PoolModel when result is { Status: SlippageStatus.Thin, FilledUsd: > 0 } => result.FilledFraction * result.NotionalUsd / result.FilledUsd,
            _ => null,
        };
        return move is { } m && double.IsFinite(m) ? m : whenUnknown?.Invoke(venue, asset, notionalUsd, selling) ?? 0;
    };

    private static string Suffix(SlippageResult result, string what, OrderBook? book = null) => result.Status switch
    {
        SlippageStatus.Filled => book is null ? "" : $", {result.LevelsUsed} of {book.SideFor(result.Side).Count} levels walked",
        SlippageStatus.Thin => $"; {what} too thin: {Usd(result.FilledUsd)} of {Usd(result.NotionalUsd)} filled"
            + (result.FilledFraction is { } f ? $", slippage of that part {f.ToString("0.####%", CultureInfo.InvariantCulture)} (the whole would be more)" : ""),
        SlippageStatus.NoLiquidity => $"; no {(result.Side == TradeSide.Buy ? "asks" : "bids")} to fill against",
        SlippageStatus.NoMid => book is null ? "; no reference price" : $"; no mid: the book is {book.State.ToString().ToLowerInvariant()}",
        SlippageStatus.InvalidNotional => "; the notional must be a positive amount of USD",
        _ => "",
    };

    private static string Usd(double value) => "$" + value.ToString("#,0", CultureInfo.InvariantCulture);
}
