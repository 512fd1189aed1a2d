namespace FundingWeb.Core.Liquidations;

/// <summary>
/// Modelled liquidation levels where positions are private (PRODUCT.md, Liquidation ladder, Modelled).
/// Within each bar, lots are first tested against the bar's range and only then is the bar's change in open interest
/// applied at its close: notional opened at the close cannot have been liquidated by a low earlier in the same bar.
/// </summary>
public static class ModelledLadder
{
    public static ModelledLadderResult Build(IEnumerable<OpenInterestBar> bars, ModelledLadderOptions options)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var assumptions = Assumptions(options);
        var open = new List<ModelledLot>();
        var consumed = new List<ConsumedLot>();
        OpenInterestBar? previous = null;

        foreach (var bar in bars.Where(IsUsable).OrderBy(b => b.TimeMs))
        {
            if (previous is null)
            {
                // The open interest already there at the start has unknown entries: the model only places what it sees open.
                previous = bar;
                continue;
            }
            Consume(open, consumed, bar);

            var change = bar.OpenInterestBase - previous.OpenInterestBase;
            if (change > 0)
            {
                Open(open, bar, change * bar.Price, assumptions);
            }
            else if (change < 0)
            {
                var keep = bar.OpenInterestBase / previous.OpenInterestBase;
                for (var i = 0; i < open.Count; i++)
                {
                    open[i] = open[i] with { NotionalUsd = open[i].NotionalUsd * keep };
                }
                open.RemoveAll(l => l.NotionalUsd <= 0);
            }
            previous = bar;
        }
        return new ModelledLadderResult(open, consumed, assumptions);
    }

    /// <summary>Long = entry × (1 − 1/L + mm), short = entry × (1 + 1/L − mm).</summary>
    public static double LiquidationPrice(LiquidationSide side, double entryPrice, double leverage, double maintenanceMargin) => side switch
    {
        LiquidationSide.Long => entryPrice * (1 - 1 / leverage + maintenanceMargin),
        LiquidationSide.Short => entryPrice * (1 + 1 / leverage - maintenanceMargin),
        _ => throw new ArgumentOutOfRangeException(nameof(side), side, "Unknown side."),
    };

    /// <summary>
    /// Resolves the options: buckets above the venue's max leverage are dropped (if none remain, the max itself is the
    /// only bucket), so are buckets whose initial margin 1/L does not exceed the maintenance margin (they would be
    /// liquidated on entry); weights are normalised to sum to 1.
    /// </summary>
    public static ModelledLadderAssumptions Assumptions(ModelledLadderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Resolve(options, out var problem, out var actual) ?? throw (actual is null
            ? new ArgumentException(problem, nameof(options))
            : new ArgumentOutOfRangeException(nameof(options), actual, problem));
    }

    /// <summary>
    /// Why no ladder can be modelled with these options (a venue that reports max leverage 0, a maintenance margin of
    /// 100 %), or null when one can: callers showing many markets skip such a market with the reason instead of failing.
    /// </summary>
    public static string? Problem(ModelledLadderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Resolve(options, out var problem, out _);
        return problem;
    }

    /// <param name="actual">The offending value when the problem is one option out of its range.</param>
    private static ModelledLadderAssumptions? Resolve(ModelledLadderOptions options, out string? problem, out object? actual)
    {
        (problem, actual) = (null, null);
        if (!(options.MaxLeverage >= 1) || !double.IsFinite(options.MaxLeverage))
        {
            (problem, actual) = ("Max leverage must be at least 1.", options.MaxLeverage);
            return null;
        }
        if (!(options.MaintenanceMargin >= 0 && options.MaintenanceMargin < 1))
        {
            (problem, actual) = ("Maintenance margin is a fraction in [0, 1).", options.MaintenanceMargin);
            return null;
        }
        if (options.TakerLongShare is { } share && !(share >= 0 && share <= 1))
        {
            (problem, actual) = ("Taker long share is a fraction between 0 and 1.", share);
            return null;
        }
        var leverages = options.Leverages ?? ModelledLadderOptions.DefaultLeverages;
        var weights = options.Weights ?? leverages.Select(_ => 1d).ToArray();
        if (weights.Count != leverages.Count || weights.Any(w => !(w >= 0) || !double.IsFinite(w)))
        {
            problem = "Give one non-negative weight per leverage bucket.";
            return null;
        }

        var kept = leverages.Zip(weights)
            .Where(b => b.First >= 1 && b.First <= options.MaxLeverage && 1 / b.First > options.MaintenanceMargin && b.Second > 0)
            .ToArray();
        var total = kept.Sum(b => b.Second);
        if (total <= 0 && 1 / options.MaxLeverage <= options.MaintenanceMargin)
        {
            problem = "Maintenance margin is not below the initial margin at max leverage: no leverage bucket can be modelled.";
            return null;
        }
        LeverageBucket[] buckets = total > 0
            ? kept.Select(b => new LeverageBucket(b.First, b.Second / total)).OrderBy(b => b.Leverage).ToArray()
            : [new LeverageBucket(options.MaxLeverage, 1)];
        return new ModelledLadderAssumptions(
            options.MaxLeverage, options.MaintenanceMargin, options.TakerLongShare ?? 0.5, options.TakerLongShare.HasValue, buckets);
    }

    private static void Open(List<ModelledLot> open, OpenInterestBar bar, double notional, ModelledLadderAssumptions assumptions)
    {
        foreach (var (side, share) in new[] { (LiquidationSide.Long, assumptions.LongShare), (LiquidationSide.Short, 1 - assumptions.LongShare) })
        {
            foreach (var bucket in assumptions.Buckets)
            {
                var lotNotional = notional * share * bucket.Weight;
                if (lotNotional > 0)
                {
                    var liquidation = LiquidationPrice(side, bar.Price, bucket.Leverage, assumptions.MaintenanceMargin);
                    open.Add(new ModelledLot(side, bucket.Leverage, bar.TimeMs, bar.Price, liquidation, lotNotional));
                }
            }
        }
    }

    private static void Consume(List<ModelledLot> open, List<ConsumedLot> consumed, OpenInterestBar bar)
    {
        var low = Math.Min(bar.Low ?? bar.Price, bar.Price);
        var high = Math.Max(bar.High ?? bar.Price, bar.Price);
        open.RemoveAll(lot =>
        {
            var through = lot.Side == LiquidationSide.Long ? low <= lot.LiquidationPrice : high >= lot.LiquidationPrice;
            if (through)
            {
                consumed.Add(new ConsumedLot(lot, bar.TimeMs));
            }
            return through;
        });
    }

    private static bool IsUsable(OpenInterestBar bar) =>
        double.IsFinite(bar.OpenInterestBase) && bar.OpenInterestBase >= 0 && double.IsFinite(bar.Price) && bar.Price > 0;
}
