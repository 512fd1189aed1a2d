namespace FundingWeb.Core.Alerts;

/// <summary>One rule's look at one snapshot: the value, whether the fire condition holds (hysteresis applied), why.</summary>
internal sealed record AlertReading(double Value, bool Breached, string Reason, string? Venue, string? Asset);
