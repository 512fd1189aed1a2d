namespace FundingWeb.Model.Health;

/// <summary>The words a figure's state is printed (and styled, and tested) by.</summary>
public static class HealthStates
{
    public const string Fresh = "fresh";
    public const string Lagging = "lagging";
    public const string Stalled = "stalled";
    public const string Maintenance = "maintenance";
    public const string Unknown = "unknown";
    /// <summary>A value with no thresholds: shown, not judged.</summary>
    public const string Measured = "measured";
    /// <summary>The figure does not exist for this venue (no probe, no uptime feed, no settled state).</summary>
    public const string NotApplicable = "n/a";
}
