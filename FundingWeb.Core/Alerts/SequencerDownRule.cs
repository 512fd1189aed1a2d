namespace FundingWeb.Core.Alerts;

/// <summary>A rollup sequencer (of <see cref="Venue"/>, or of any venue with an uptime feed) is reported down. Value: 1 down, 0 up.</summary>
public sealed record SequencerDownRule : AlertRule
{
    public string? Venue { get; init; }

    public override AlertRuleKind Kind => AlertRuleKind.SequencerDown;
}
