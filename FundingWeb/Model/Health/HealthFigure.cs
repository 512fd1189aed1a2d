namespace FundingWeb.Model.Health;

/// <summary>One live figure of a venue on the Venues board, as printed: its value, its state and what it is judged by.</summary>
/// <param name="Key">Stable id (poll-latency, data-lag, head-age, l1-lag, sequencer, error-rate): the cell's data-figure.</param>
/// <param name="State">One of <see cref="HealthStates"/>.</param>
/// <param name="Threshold">The limits the state comes from, with where they come from.</param>
public sealed record HealthFigure(string Key, string Label, string Value, string State, string Threshold);
