namespace FundingWeb.Core.Depth;

/// <summary>
/// Slippage for one venue, asset, notional and side, with where it came from and how old its source is. <see cref="Fraction"/>
/// is null whenever there is no honest figure (no book, a thin book, no mid): <see cref="Note"/> says which.
/// </summary>
/// <param name="SourceTimeMs">The book's (or pool's) own time.</param>
/// <param name="Stale">The source is older than <see cref="DepthOptions.StaleAfter"/>.</param>
public sealed record SlippageQuote(
    string Venue,
    string Asset,
    string? Symbol,
    double NotionalUsd,
    TradeSide Side,
    SlippageKind Kind,
    SlippageResult? Result,
    long? SourceTimeMs,
    TimeSpan? Age,
    bool Stale,
    string Note)
{
    public double? Fraction => Result?.Fraction;

    public static SlippageQuote None(string venue, string asset, string? symbol, double notionalUsd, TradeSide side, string note) =>
        new(venue, asset, symbol, notionalUsd, side, SlippageKind.None, null, null, null, false, note);
}
