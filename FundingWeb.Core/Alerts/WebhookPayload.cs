using System.Text.Json.Serialization;

namespace FundingWeb.Core.Alerts;

/// <summary>
/// The JSON body POSTed to a rule's webhook (camelCase), for example:
/// <code>
/// {"id":"hot:fired:1767225600000","ruleId":"hot","ruleName":"BTC hot","kind":"funding_threshold","transition":"fired",
///  "value":0.55,"reason":"BTC funding on hl +55.00 % APR ...","venue":"hl","asset":"BTC","time":"2026-01-01T00:00:00.000Z"}
/// </code>
/// <c>id</c> equals the <c>Idempotency-Key</c> header and is the same on every retry: a receiver dedupes on it.
/// <c>value</c> is in the rule kind's unit (see <see cref="AlertTransition.Value"/>); venue and asset may be null.
/// <c>transition</c> is <c>fired</c>, <c>cleared</c>, or <c>test</c> for a user's test delivery (see <see cref="Test"/>).
/// </summary>
public sealed record WebhookPayload(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("ruleId")] string RuleId,
    [property: JsonPropertyName("ruleName")] string RuleName,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("transition")] string Transition,
    [property: JsonPropertyName("value")] double Value,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("venue")] string? Venue,
    [property: JsonPropertyName("asset")] string? Asset,
    [property: JsonPropertyName("time")] string Time)
{
    public static WebhookPayload From(AlertTransition t) => new(
        t.Key, t.RuleId, t.RuleName, AlertRuleKinds.Token(t.Kind), t.Transition == AlertTransitionKind.Fired ? "fired" : "cleared",
        t.Value, t.Reason, t.Venue, t.Asset, FormatTime(t.TimeMs));

    /// <summary>
    /// The body of a test POST (the Alerts page's "Send test"): <c>transition</c> is <c>"test"</c>, <c>id</c> is
    /// <c>{ruleId}:test:{ms}</c>, <c>value</c> 0; nothing fired, and the receiver can tell.
    /// </summary>
    public static WebhookPayload Test(string ruleId, string ruleName, AlertRuleKind kind, long timeMs) => new(
        $"{ruleId}:test:{timeMs}", ruleId, ruleName, AlertRuleKinds.Token(kind), "test", 0,
        "Test delivery from FundingWeb: no rule fired.", null, null, FormatTime(timeMs));

    /// <summary>UTC ISO-8601 with milliseconds: 2026-01-01T00:00:00.000Z.</summary>
    public static string FormatTime(long timeMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(timeMs).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
