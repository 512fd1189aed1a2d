using System.Globalization;
using FundingWeb.Core.Funding;

namespace FundingWeb.Core.Alerts;

/// <summary>
/// One kind of alert rule, self-contained: its rule type, the fields its form asks for and how they are judged, how a
/// rule is made from them and shown in them again, what it reads off a snapshot, how it says what it watches and what
/// its value means. Registered once in <see cref="AlertKinds"/>; a test fails if an <see cref="AlertRuleKind"/> has no
/// definition, or a definition lacks a part (fields included).
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

    /// <summary>The fields the kind's form asks for besides name, cooldown, webhook and enabled, each with how it is judged.</summary>
    public abstract IReadOnlyList<AlertField> Fields { get; }

    public AlertField? Field(AlertFieldSlot slot) => Fields.FirstOrDefault(f => f.Slot == slot);

    /// <summary>Whether the rule's hysteresis band means anything for this kind: it asks for one.</summary>
    public bool UsesHysteresis => Field(AlertFieldSlot.Hysteresis) is not null;

    /// <summary>The unit the threshold is typed in (funding thresholds follow the form's basis).</summary>
    public virtual string ThresholdUnit(RateBasis basis) => Field(AlertFieldSlot.Threshold)?.Unit ?? "";

    /// <summary>The unit hysteresis is typed in: its own where it says, else the threshold's.</summary>
    public string HysteresisUnit(RateBasis basis) => Field(AlertFieldSlot.Hysteresis)?.Unit ?? ThresholdUnit(basis);

    /// <summary>What field metadata cannot say (a composite's members against each other); each message begins with the field's name.</summary>
    public virtual IEnumerable<(AlertFieldSlot Slot, string Message)> Check(AlertFormValues values) => [];

    /// <summary>The rule from values that passed <see cref="Fields"/> and <see cref="Check"/> (numbers in typed units; scaled here).</summary>
    public abstract AlertRule Build(string id, string name, AlertFormValues values);

    /// <summary>A stored rule's kind-specific values in the units its form types them.</summary>
    public abstract AlertFormValues ToForm(AlertRule rule);

    internal abstract AlertReading? Read(AlertRule rule, AlertContext context);

    /// <summary>One line saying what the rule watches, in the units it was typed in.</summary>
    public abstract string Describe(AlertRule rule, Func<string, string>? ruleName = null);

    /// <summary>A reading's value in the kind's unit, for tables.</summary>
    public abstract string FormatValue(AlertRule? rule, double value);

    protected static string N(double v) => v.ToString("0.####", Inv);

    protected static string Where(string? venue) => venue ?? "any venue";

    /// <summary>A typed number in its stored unit (percent → fraction); zero when the kind does not ask for it.</summary>
    public double Stored(AlertFieldSlot slot, double? typed) => Field(slot) is { } f && typed is { } v ? v / f.TypedPerStored : 0;

    /// <summary>A stored number in its typed unit, rounded off the float dust of the scale.</summary>
    public double Typed(AlertFieldSlot slot, double stored) => Math.Round(stored * (Field(slot)?.TypedPerStored ?? 1), 10);

    protected static TimeSpan MinutesOf(AlertFormValues v) => v.Minutes is { } m ? TimeSpan.FromMinutes(m) : TimeSpan.Zero;

    // The fields most kinds share, worded once.
    protected static AlertField AssetField { get; } = new(AlertFieldSlot.Asset, "Asset", Missing: "Asset: choose an asset.");

    protected static AlertField VenueField(string empty = "any venue") => new(AlertFieldSlot.Venue, "Venue", Optional: true, EmptyLabel: empty);

    protected static AlertField PercentHysteresis { get; } = new(AlertFieldSlot.Hysteresis, "Hysteresis", TypedPerStored: 100, Optional: true, Min: 0);

    protected static AlertField SecondsHysteresis { get; } = new(AlertFieldSlot.Hysteresis, "Hysteresis", "s", Optional: true, Min: 0);
}

/// <summary>The typed base every kind derives from: the rule arrives as its own type.</summary>
public abstract class AlertKind<TRule> : AlertKind where TRule : AlertRule
{
    public override Type RuleType => typeof(TRule);

    internal sealed override AlertReading? Read(AlertRule rule, AlertContext context) => Read((TRule)rule, context);

    public sealed override AlertRule Build(string id, string name, AlertFormValues values) => Make(id, name, values);

    public sealed override AlertFormValues ToForm(AlertRule rule) => Values((TRule)rule);

    public sealed override string Describe(AlertRule rule, Func<string, string>? ruleName = null)
    {
        var text = Describe((TRule)rule, ruleName);
        return UsesHysteresis && rule.Hysteresis > 0 ? $"{text} (hysteresis {N(Typed(AlertFieldSlot.Hysteresis, rule.Hysteresis))})" : text;
    }

    public sealed override string FormatValue(AlertRule? rule, double value) => FormatValue(rule as TRule, value);

    protected abstract TRule Make(string id, string name, AlertFormValues values);

    protected abstract AlertFormValues Values(TRule rule);

    internal abstract AlertReading? Read(TRule rule, AlertContext context);

    protected abstract string Describe(TRule rule, Func<string, string>? ruleName);

    protected abstract string FormatValue(TRule? rule, double value);
}
