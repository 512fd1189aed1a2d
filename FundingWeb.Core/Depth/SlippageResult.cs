namespace FundingWeb.Core.Depth;

/// <summary>
/// What walking a book (or a pool model) for a USD notional gave. <see cref="Fraction"/> is set only when the whole notional
/// filled: a thin book reports what filled and what did not, never an invented slippage for the rest.
/// </summary>
/// <param name="NotionalUsd">Asked for, USD at the prices filled.</param>
/// <param name="FilledUsd">Filled, USD at the prices filled.</param>
/// <param name="FilledBase">Base units filled.</param>
/// <param name="Vwap">FilledUsd ÷ FilledBase; null when nothing filled or the pool model has no reference price.</param>
/// <param name="Mid">Mid (or the pool's reference price) slippage is measured against; null when there is none.</param>
/// <param name="WorstPrice">The last price the walk reached (where the book stands after the trade); null when nothing filled.</param>
/// <param name="FilledFraction">|VWAP − mid| ÷ mid of the filled part: the whole notional's slippage is at least this.</param>
/// <param name="LevelsUsed">Book levels touched (0 for the pool model).</param>
public sealed record SlippageResult(
    SlippageStatus Status,
    TradeSide Side,
    double NotionalUsd,
    double FilledUsd,
    double FilledBase,
    double? Vwap,
    double? Mid,
    double? WorstPrice,
    double? FilledFraction,
    int LevelsUsed)
{
    public double ShortfallUsd => Math.Max(0, NotionalUsd - FilledUsd);

    /// <summary>|VWAP − mid| ÷ mid for the whole notional; null unless <see cref="Status"/> is <see cref="SlippageStatus.Filled"/>.</summary>
    public double? Fraction => Status == SlippageStatus.Filled ? FilledFraction : null;

    /// <summary>How far the price stands from mid after the trade, |worst − mid| ÷ mid; null without both.</summary>
    public double? WorstMove => WorstPrice is { } w && Mid is { } m && m > 0 ? Math.Abs(w - m) / m : null;

    public static SlippageResult Nothing(SlippageStatus status, TradeSide side, double notionalUsd, double? mid = null) =>
        new(status, side, double.IsFinite(notionalUsd) ? notionalUsd : 0, 0, 0, null, mid, null, null, 0);
}
