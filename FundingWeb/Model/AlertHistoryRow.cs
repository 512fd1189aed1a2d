using FundingWeb.Core.Alerts;

namespace FundingWeb.Model;

/// <summary>
/// One transition in the history grid, flat so every column sorts and filters on what it prints. The webhook column
/// says where delivery stands: pending, retrying (with the last error), delivered after N attempts, or failed.
/// </summary>
/// <param name="Delivery">"none", "pending", "retrying", "delivered" or "failed".</param>
public sealed record AlertHistoryRow(
    string Key, string RuleId, long TimeMs, string Rule, string Transition, string Value, string Why, string Delivery, string DeliveryText)
{
    public string Time => Display.Utc(TimeMs);

    public bool Fired => Transition == "Fired";

    public static AlertHistoryRow From(AlertHistoryEntry entry, IReadOnlyList<AlertRule> rules)
    {
        var t = entry.Transition;
        var rule = rules.FirstOrDefault(r => r.Id == t.RuleId);
        return new AlertHistoryRow(
            t.Key, t.RuleId, t.TimeMs, t.RuleName, t.Transition == AlertTransitionKind.Fired ? "Fired" : "Cleared",
            AlertRuleText.FormatValue(t.Kind, t.Value, rule), t.Reason,
            DeliveryState(entry.Delivery), DescribeDelivery(entry.Delivery));
    }

    public static string DeliveryState(WebhookDelivery? d) => d switch
    {
        null => "none",
        { Status: DeliveryStatus.Delivered } => "delivered",
        { Status: DeliveryStatus.Failed } => "failed",
        { Attempts: <= 0 } => "pending",
        _ => "retrying",
    };

    public static string DescribeDelivery(WebhookDelivery? d) => d switch
    {
        null => Display.None,
        { Status: DeliveryStatus.Delivered } => $"delivered after {Attempts(d.Attempts)}" + (d.DeliveredMs is { } at ? $" at {Display.Utc(at)}" : ""),
        { Status: DeliveryStatus.Failed } => $"failed after {Attempts(d.Attempts)}: {d.LastError ?? "no answer"}",
        { Attempts: <= 0 } => "pending",
        _ => $"retrying ({Attempts(d.Attempts)} so far; last: {d.LastError ?? "no answer"})",
    };

    private static string Attempts(int n) => n == 1 ? "1 attempt" : $"{n} attempts";
}
