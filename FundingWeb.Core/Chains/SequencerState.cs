namespace FundingWeb.Core.Chains;

/// <summary>A rollup sequencer as a public uptime feed reports it; unknown where no feed exists or it could not be read.</summary>
public enum SequencerState
{
    Unknown,
    Up,
    Down,
}
