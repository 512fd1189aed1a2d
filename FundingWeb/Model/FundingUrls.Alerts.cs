namespace FundingWeb.Model;

public static partial class FundingUrls
{
    public const string AlertsPath = "/alerts";
    public const string RuleParameter = "rule";
    public const string SharedLinksPath = "/shared-links";

    /// <summary>The Alerts page; with a rule id, that rule's history only.</summary>
    public static string Alerts(string? ruleId = null) =>
        string.IsNullOrEmpty(ruleId) ? AlertsPath : $"{AlertsPath}?{RuleParameter}={Uri.EscapeDataString(ruleId)}";
}
