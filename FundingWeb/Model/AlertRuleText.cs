using FundingWeb.Core.Alerts;

namespace FundingWeb.Model;

/// <summary>How the Alerts page says a rule and its values in words: each kind's own definition speaks (<see cref="AlertKinds"/>).</summary>
public static class AlertRuleText
{
    /// <summary>One line saying what the rule watches, in the units it was typed in.</summary>
    public static string Describe(AlertRule rule, Func<string, string>? ruleName = null) => AlertKinds.For(rule).Describe(rule, ruleName);

    /// <summary>A transition's value in its kind's unit, for the tables.</summary>
    /// <param name="rule">The rule it belongs to where it still exists (funding rules print their basis); null prints the kind's bare unit.</param>
    public static string FormatValue(AlertRuleKind kind, double value, AlertRule? rule = null) => AlertKinds.For(kind).FormatValue(rule, value);
}
