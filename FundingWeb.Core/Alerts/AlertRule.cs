using System.Text.Json.Serialization;

namespace FundingWeb.Core.Alerts;

/// <summary>
/// A rule a user sets. Immutable: an edit is a new record with the same <see cref="Id"/>. Stored as JSON (the "type"
/// discriminator names the kind), so adding a field to a kind needs no schema change.
/// </summary>
/// <remarks>
/// <see cref="Hysteresis"/> is a band in the kind's own unit (each kind says which) between the level that fires and
/// the level that clears, so a value hovering at the threshold fires once, not on every snapshot.
/// <see cref="Cooldown"/> is the least time between two Fired transitions of the rule: a condition that comes back
/// sooner is held back and fires when the cooldown ends if it still holds.
/// </remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(FundingThresholdRule), "funding_threshold")]
[JsonDerivedType(typeof(FundingFlipRule), "funding_flip")]
[JsonDerivedType(typeof(SpreadRule), "spread")]
[JsonDerivedType(typeof(OpenInterestChangeRule), "open_interest_change")]
[JsonDerivedType(typeof(LadderProximityRule), "ladder_proximity")]
[JsonDerivedType(typeof(VenueStaleRule), "venue_stale")]
[JsonDerivedType(typeof(CompositeRule), "composite")]
[JsonDerivedType(typeof(ConventionChangeRule), "convention_change")]
[JsonDerivedType(typeof(ChainHeadAgeRule), "chain_head_age")]
[JsonDerivedType(typeof(SequencerDownRule), "sequencer_down")]
[JsonDerivedType(typeof(DataLagRule), "data_lag")]
[JsonDerivedType(typeof(RegimeChangeRule), "regime_change")]
public abstract record AlertRule
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public bool Enabled { get; init; } = true;

    public double Hysteresis { get; init; }

    public TimeSpan Cooldown { get; init; }

    /// <summary>Where Fired and Cleared transitions are POSTed (see <see cref="WebhookPayload"/>); null for none.</summary>
    public string? WebhookUrl { get; init; }

    [JsonIgnore]
    public abstract AlertRuleKind Kind { get; }

    /// <summary>How long the condition must hold before the rule fires (only spreads ask for it).</summary>
    [JsonIgnore]
    public virtual TimeSpan SustainFor => TimeSpan.Zero;
}
