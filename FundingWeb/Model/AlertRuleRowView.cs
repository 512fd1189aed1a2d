using FundingWeb.Core.Alerts;

namespace FundingWeb.Model;

/// <summary>
/// One row of the rules table, as printed: a record, so a row whose rule, state and value did not change compares equal
/// and is not rendered again on a tick.
/// </summary>
/// <param name="State">"firing", "clear" or "disabled" (also the row's data-state).</param>
public sealed record AlertRuleRowView(
    string Id, string Name, string Watches, string State, string Value, string LastFired, string Webhook, bool Enabled, bool Editing)
{
    public string StateLabel => State switch { "firing" => "Firing", "clear" => "Clear", _ => "Disabled" };

    public string HistoryUrl => FundingUrls.Alerts(Id);

    public static AlertRuleRowView From(AlertRule rule, AlertRuleState? state, Func<string, string> ruleName, string? editingId)
    {
        var firing = rule.Enabled && state?.Firing == true;
        return new AlertRuleRowView(
            rule.Id,
            rule.Name,
            AlertRuleText.Describe(rule, ruleName),
            rule.Enabled ? firing ? "firing" : "clear" : "disabled",
            state?.LastValue is { } v ? AlertRuleText.FormatValue(rule.Kind, v, rule) : Display.None,
            state?.LastFiredMs is { } f ? Display.Utc(f, "yyyy-MM-dd HH:mm") : "never",
            rule.WebhookUrl is { } url ? Host(url) : Display.None,
            rule.Enabled,
            rule.Id == editingId);
    }

    private static string Host(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Authority : url;
}
