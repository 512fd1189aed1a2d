namespace FundingWeb.Core.Alerts;

/// <summary>The slots of the Alerts page's one flat form that a kind can ask for (the name, kind, cooldown, webhook and enabled are always there).</summary>
public enum AlertFieldSlot
{
    Asset,
    Venue,
    Direction,
    Basis,
    Threshold,
    MinNotionalUsd,
    Minutes,
    RuleIds,
    Required,
    Hysteresis,
}
