using FundingWeb.Core.Live;

namespace FundingWeb.Core.Alerts;

/// <summary>What a kind may read when it looks at a snapshot for one rule; <see cref="State"/> is the rule's own, writable.</summary>
public sealed class AlertContext
{
    public required MarketSnapshot Snapshot { get; init; }
    public required long NowMs { get; init; }
    public required AlertRuleState State { get; set; }
    public required OpenInterestHistory OpenInterest { get; init; }
    public required ILiquidationLevels Levels { get; init; }
    public required IFundingRegimes Regimes { get; init; }
    public required IReadOnlyDictionary<string, AlertRuleState> States { get; init; }
    public required IReadOnlyDictionary<string, AlertRule> Rules { get; init; }

    /// <summary>How long a condition has held so far (for kinds whose condition needs a duration); kept by the evaluator.</summary>
    public bool Firing => State.Firing;
}
