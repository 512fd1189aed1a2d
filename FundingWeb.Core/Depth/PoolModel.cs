namespace FundingWeb.Core.Depth;

/// <summary>
/// Price impact of a pool market (GMX v2), never called a book. With the market's impact parameters it is GMX's own position
/// impact: imbalance d = |long OI − short OI| before (d₀) and after (d₁) the trade (a buy adds to long − short, a sell takes
/// from it); on the same side impact = factor × (d₀^e − d₁^e), the positive factor and exponent when it improves balance, the
/// negative ones when it worsens it; a trade that crosses balance earns factor⁺ × d₀^e⁺ and pays factor⁻ × d₁^e⁻. Cost =
/// −impact ÷ notional, floored at 0: a positive impact is paid from GMX's impact pool, which caps it by an amount the API does
/// not show, so it is never counted as a gain. Without the parameters, the documented linear model: cost = c × notional ÷
/// available liquidity of the side (c = <see cref="DepthOptions.GmxLinearCostAtFullLiquidity"/>, 1 % by default). Either way
/// the trade opens OI (a close frees liquidity instead, so this is the conservative reading) and a notional beyond the side's
/// available liquidity is thin: the pool would refuse the rest.
/// </summary>
public static class PoolModel
{
    public static SlippageResult Walk(PoolState pool, double notionalUsd, TradeSide side, double? referencePrice, double linearCostAtFullLiquidity)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var price = referencePrice is > 0 && double.IsFinite(referencePrice.Value) ? referencePrice : null;
        if (!(notionalUsd > 0) || !double.IsFinite(notionalUsd)) return SlippageResult.Nothing(SlippageStatus.InvalidNotional, side, notionalUsd, price);
        var available = pool.AvailableFor(side);
        if (available is not > 0 || !double.IsFinite(available.Value)) return SlippageResult.Nothing(SlippageStatus.NoLiquidity, side, notionalUsd, price);

        var filledUsd = Math.Min(notionalUsd, available.Value);
        if (Cost(pool, filledUsd, side, linearCostAtFullLiquidity) is not { } cost)
        {
            return SlippageResult.Nothing(SlippageStatus.NoLiquidity, side, notionalUsd, price);
        }
        var status = filledUsd < notionalUsd ? SlippageStatus.Thin : SlippageStatus.Filled;
        double? vwap = price is { } p ? p * (side == TradeSide.Buy ? 1 + cost : 1 - cost) : null;
        return new SlippageResult(status, side, notionalUsd, filledUsd, vwap is { } v && v > 0 ? filledUsd / v : 0, vwap, price, vwap, cost, 0);
    }

    /// <summary>Cost as a fraction of <paramref name="notionalUsd"/> (≥ 0); null when the pool's numbers are unusable.</summary>
    public static double? Cost(PoolState pool, double notionalUsd, TradeSide side, double linearCostAtFullLiquidity)
    {
        if (!(notionalUsd > 0)) return 0;
        if (pool.Impact is { IsUsable: true } impact && double.IsFinite(pool.LongOiUsd) && double.IsFinite(pool.ShortOiUsd))
        {
            var before = pool.LongOiUsd - pool.ShortOiUsd;
            var after = before + (side == TradeSide.Buy ? notionalUsd : -notionalUsd);
            var impactUsd = ImpactUsd(Math.Abs(before), Math.Abs(after), sameSide: Math.Sign(before) * Math.Sign(after) >= 0, impact);
            var cost = Math.Max(0, -impactUsd) / notionalUsd;
            return double.IsFinite(cost) ? cost : null;
        }
        var available = pool.AvailableFor(side);
        if (available is not > 0 || !(linearCostAtFullLiquidity >= 0) || !double.IsFinite(linearCostAtFullLiquidity)) return null;
        return linearCostAtFullLiquidity * notionalUsd / available.Value;
    }

    /// <summary>
    /// The pool's depth bands: per band b of <see cref="DepthBands.Bands"/>, the largest notional whose cost stays ≤ b (found by
    /// bisection; cost never falls as notional grows), capped by the side's available liquidity. Null without a reference price.
    /// </summary>
    public static DepthBands? Bands(PoolState pool, double? referencePrice, double linearCostAtFullLiquidity)
    {
        ArgumentNullException.ThrowIfNull(pool);
        if (referencePrice is not > 0 || !double.IsFinite(referencePrice.Value)) return null;
        double Within(TradeSide side, double band)
        {
            var max = pool.AvailableFor(side) ?? 0;
            if (!(max > 0) || !double.IsFinite(max)) return 0;
            if (Cost(pool, max, side, linearCostAtFullLiquidity) is { } atMax && atMax <= band) return max;
            double lo = 0, hi = max;
            for (var i = 0; i < 60; i++)
            {
                var probe = (lo + hi) / 2;
                if (Cost(pool, probe, side, linearCostAtFullLiquidity) is { } c && c <= band) lo = probe; else hi = probe;
            }
            return lo;
        }
        return new DepthBands(referencePrice.Value, null,
            DepthBands.Bands.Select(b => Within(TradeSide.Sell, b)).ToList(),
            DepthBands.Bands.Select(b => Within(TradeSide.Buy, b)).ToList());
    }

    /// <summary>The label a page prints beside a pool figure.</summary>
    public static string Describe(PoolState pool, double linearCostAtFullLiquidity) => pool.Impact is { IsUsable: true }
        ? "pool model: GMX position impact from the market's own impact factors"
        : $"pool model: linear, assumed {linearCostAtFullLiquidity:0.###%} of notional at the side's full available liquidity (no impact factors in the API)";

    private static double ImpactUsd(double d0, double d1, bool sameSide, PoolImpactParameters p)
    {
        if (sameSide)
        {
            return d1 < d0
                ? p.FactorPositive * (Math.Pow(d0, p.ExponentPositive) - Math.Pow(d1, p.ExponentPositive))
                : -p.FactorNegative * (Math.Pow(d1, p.ExponentNegative) - Math.Pow(d0, p.ExponentNegative));
        }
        return p.FactorPositive * Math.Pow(d0, p.ExponentPositive) - p.FactorNegative * Math.Pow(d1, p.ExponentNegative);
    }
}
