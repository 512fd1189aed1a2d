using System.Globalization;

namespace FundingWeb.Core.Alerts;

/// <summary>
/// One kind of alert rule, self-contained: its rule type, what it reads off a snapshot, how it says what it watches and what
/// its value means. Registered once in <see cref="AlertKinds"/>; a test fails if an <see cref="AlertRuleKind"/> has no
/// definition, or a definition lacks a part. The form that edits a kind lives with the page (FundingWeb/Model/AlertKindForms).
/// </summary>
public abstract class AlertKind
{
    protected static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public abstract AlertRuleKind Kind { get; }

    /// <summary>snake_case name used in storage and webhook bodies.</summary>
    public string Token => AlertRuleKinds.Token(Kind);

    public abstract Type RuleType { get; }

    /// <summary>The kind's name on the Alerts page.</summary>
    public abstract string Title { get; }

    /// <summary>What a transition's <c>value</c> is (documented in webhook bodies).</summary>
    public abstract string ValueUnit { get; }

    internal abstract AlertReading? Read(AlertRule rule, AlertContext context);

    /// <summary>One line saying what the rule watches, in the units it was typed in.</summary>
    public abstract string Describe(AlertRule rule, Func<string, string>? ruleName = null);

    /// <summary>A reading's value in the kind's unit, for tables.</summary>
    public abstract string FormatValue(AlertRule? rule, double value);

    protected static string N(double v) => v.ToString("0.####", Inv);

    protected static string Where(string? venue) => venue ?? "any venue";
}

/// <summary>The typed base every kind derives from: the rule arrives as its own type.</summary>
public abstract class AlertKind<TRule> : AlertKind where TRule : AlertRule
{
    public override Type RuleType => typeof(TRule);

    internal sealed override AlertReading? Read(AlertRule rule, AlertContext context) => Read((TRule)rule, context);

    public sealed override string Describe(AlertRule rule, Func<string, string>? ruleName = null)
    {
        var text = Describe((TRule)rule, ruleName);
        return UsesHysteresis && rule.Hysteresis > 0 ? $"{text} (hysteresis {N(rule.Hysteresis * 100)})" : text;
    }

    public sealed override string FormatValue(AlertRule? rule, double value) => FormatValue(rule as TRule, value);

    /// <summary>Whether the rule's hysteresis band means anything for this kind.</summary>
    public virtual bool UsesHysteresis => true;

    internal abstract AlertReading? Read(TRule rule, AlertContext context);

    protected abstract string Describe(TRule rule, Func<string, string>? ruleName);

    protected abstract string FormatValue(TRule? rule, double value);
}
