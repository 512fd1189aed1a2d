using FundingWeb.Core.Charts;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Liquidations;

namespace FundingWeb.Core.Carry;

/// <summary>The carry and exit-risk calculator (issue 6): a pure function of the position and its market.</summary>
public static class CarryCalculator
{
    private const long HourMs = 3_600_000;

    public static CarryEstimate Estimate(CarryPosition position, CarryMarket market, CarryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(market);
        if (!(position.HoldingHours > 0) || !(position.Leverage >= 1) || !(position.NotionalUsd > 0) || !(market.Price > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(position), "Holding hours, notional and price are positive; leverage is at least 1.");
        }
        options ??= new CarryOptions();
        return new CarryEstimate(
            position, Expected(position, market), Realised(position, market, options), Stress(position, market, options), Liquidation(position, market, options));
    }

    /// <summary>The term-structure window nearest the holding time (absolute hours; ties go to the shorter) that has data.</summary>
    public static ExpectedFunding? Expected(CarryPosition position, CarryMarket market)
    {
        var curve = TermStructure.Build(market.Venue.Id, SymbolOf(market), market.History, market.NowMs);
        var point = curve.Points
            .Where(p => p.AverageRate1h is not null)
            .OrderBy(p => Math.Abs(p.Hours - position.HoldingHours)).ThenBy(p => p.Hours)
            .FirstOrDefault();
        return point is null
            ? null
            : new ExpectedFunding(point.Label, point.Hours, point.AverageRate1h!.Value, point.SampleCount, position.CostUsd(point.AverageRate1h.Value, position.HoldingHours));
    }

    public static RealisedCarry Realised(CarryPosition position, CarryMarket market, CarryOptions options)
    {
        var quotedRate = market.QuotedRate1h
            ?? market.History.Where(r => r.Kind == FundingKind.Quoted && r.Leg == FundingLeg.Net && r.TimeMs <= market.NowMs)
                .OrderBy(r => r.TimeMs).LastOrDefault()?.Rate1h;
        double? quotedApr = quotedRate * FundingBasis.HoursPerYear;
        var band = Math.Max(options.CloseQuoteAbsoluteApr, options.CloseQuoteRelative * Math.Abs(quotedApr ?? 0));
        var (low, high) = ((quotedApr ?? 0) - band, (quotedApr ?? 0) + band);
        if (quotedApr is null || market.History.Count == 0)
        {
            return new RealisedCarry(quotedApr, low, high, 0, null, null, null, null, null, null, null);
        }
        var lastStartMs = market.NowMs - (long)Math.Round(position.HoldingHours * HourMs);
        // Windows start no earlier than the look-back the history is read for: a row stamped decades ago (a bad venue
        // clock) must not turn into a start every hour since then.
        var firstMs = Math.Max(market.History.Min(r => r.TimeMs), lastStartMs - (long)options.StressLookback.TotalMilliseconds);
        var points = FundingSlippage.Rolling(market.History, FundingSlippage.Starts(firstMs, Math.Max(firstMs, lastStartMs)), position.HoldingHours)
            .Where(p => p.StartMs <= lastStartMs && p.QuotedApr is { } q && q >= low && q <= high
                && p.RealisedApr is not null && p.CoveredHours >= p.WindowHours - 1e-9)
            .ToArray();
        var pct = Percentiles.Of(points.Select(p => p.RealisedApr!.Value), [0.05, 0.50, 0.95]);
        double? Cost(double? apr) => apr is { } a ? position.CostUsd(a / FundingBasis.HoursPerYear, position.HoldingHours) : null;
        return new RealisedCarry(
            quotedApr, low, high, points.Length, pct[0], pct[1], pct[2], Cost(pct[0]), Cost(pct[1]), Cost(pct[2]),
            FundingSlippage.Distribution(points).P50);
    }

    public static StressRow Stress(CarryPosition position, CarryMarket market, CarryOptions options)
    {
        var fromMs = market.NowMs - (long)options.StressLookback.TotalMilliseconds;
        var rates = market.History
            .Where(r => r.Kind == FundingKind.Settled && r.Leg == FundingLeg.Net && r.TimeMs > fromMs && r.TimeMs <= market.NowMs)
            .Select(r => r.Rate1h)
            .ToArray();
        var qs = position.Side == PositionSide.Long ? new[] { 0.95, 0.99 } : [0.05, 0.01];
        var p = Percentiles.Of(rates, qs);
        var hours = market.Venue.WithdrawalDelay.TotalHours;
        return new StressRow(hours, rates.Count(double.IsFinite), p[0], p[1],
            p[0] is { } r95 ? position.CostUsd(r95, hours) : null, p[1] is { } r99 ? position.CostUsd(r99, hours) : null);
    }

    /// <summary>long: entry × (1 − 1/L + mmr); short: entry × (1 + 1/L − mmr).</summary>
    public static LiquidationDistance Liquidation(CarryPosition position, CarryMarket market, CarryOptions options)
    {
        var entry = market.Price;
        var step = 1 / position.Leverage - market.MaintenanceMargin;
        var liquidation = position.Side == PositionSide.Long ? entry * (1 - step) : entry * (1 + step);
        return new LiquidationDistance(entry, liquidation, Math.Abs(entry - liquidation) / entry, NearestCluster(position, market, options, liquidation));
    }

    private static LiquidationCluster? NearestCluster(CarryPosition position, CarryMarket market, CarryOptions options, double liquidation)
    {
        var price = market.Price;
        var width = price * options.ClusterBinFraction;
        var side = position.Side == PositionSide.Long ? LiquidationSide.Long : LiquidationSide.Short;
        var margin = price * options.ClusterMarginFraction;
        var near = market.Levels.Where(e => e.Side == side && e.NotionalUsd > 0 && double.IsFinite(e.LiquidationPrice) && (side == LiquidationSide.Long
            ? e.LiquidationPrice < price && e.LiquidationPrice >= liquidation - margin
            : e.LiquidationPrice > price && e.LiquidationPrice <= liquidation + margin));
        return near
            .GroupBy(e => (long)Math.Floor(e.LiquidationPrice / width))
            .Select(g => (Low: g.Key * width, High: (g.Key + 1) * width, Usd: g.Sum(e => e.NotionalUsd)))
            .Where(b => b.Usd >= options.ClusterMinUsd)
            .Select(b => new LiquidationCluster(market.LevelsKind, b.Low, b.High, b.Usd,
                Math.Max(0, side == LiquidationSide.Long ? price - Math.Min(b.High, price) : Math.Max(b.Low, price) - price) / price))
            .OrderBy(c => c.DistanceFraction)
            .FirstOrDefault();
    }

    private static string SymbolOf(CarryMarket market) => market.History.Count > 0 ? market.History[0].Symbol : "";
}
