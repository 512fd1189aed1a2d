using System.Text.Json;

namespace FundingWeb.Core.Alerts;

/// <summary>What a rule watches. <see cref="AlertRuleKinds.Token"/> is the name used in storage and webhook bodies.</summary>
public enum AlertRuleKind
{
    FundingThreshold,
    FundingFlip,
    Spread,
    OpenInterestChange,
    LadderProximity,
    VenueStale,
    Composite,
    ConventionChange,
    ChainHeadAge,
    SequencerDown,
    DataLag,
    RegimeChange,
}

public static class AlertRuleKinds
{
    /// <summary>snake_case name: funding_threshold, funding_flip, spread, open_interest_change, ladder_proximity, venue_stale, composite, convention_change, chain_head_age, sequencer_down, data_lag, regime_change.</summary>
    public static string Token(AlertRuleKind kind) => JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());
}
