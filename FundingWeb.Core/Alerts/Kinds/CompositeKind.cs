namespace FundingWeb.Core.Alerts.Kinds;

public sealed class CompositeKind : AlertKind<CompositeRule>
{
    public override AlertRuleKind Kind => AlertRuleKind.Composite;
    public override string Title => "Two (or N) of these within M minutes";
    public override string ValueUnit => "rules fired within the window";

    public override IReadOnlyList<AlertField> Fields { get; } =
    [
        new(AlertFieldSlot.Minutes, "Within (minutes)", "min", Min: 0, AboveMin: true),
        new(AlertFieldSlot.RuleIds, "Rules"),
        new(AlertFieldSlot.Required, "How many must fire"),
    ];

    public override IEnumerable<(AlertFieldSlot Slot, string Message)> Check(AlertFormValues values)
    {
        if (values.RuleIds.Count < 2) yield return (AlertFieldSlot.RuleIds, "Rules: choose at least two rules.");
        if (values.Id is { } id && values.RuleIds.Contains(id)) yield return (AlertFieldSlot.RuleIds, "Rules: a rule cannot count itself.");
        if (values.Required < 1 || values.Required > values.RuleIds.Count) yield return (AlertFieldSlot.Required, $"How many: between 1 and the {values.RuleIds.Count} rules chosen.");
    }

    protected override CompositeRule Make(string id, string name, AlertFormValues v) =>
        new() { Id = id, Name = name, RuleIds = [.. v.RuleIds], Required = v.Required, Within = MinutesOf(v) };

    protected override AlertFormValues Values(CompositeRule r) => new() { RuleIds = [.. r.RuleIds], Required = r.Required, Minutes = r.Within.TotalMinutes };

    internal override AlertReading? Read(CompositeRule rule, AlertContext context) => AlertReadings.Composite(rule, context.States, context.Rules, context.NowMs);

    protected override string Describe(CompositeRule r, Func<string, string>? ruleName) =>
        $"{r.Required} of {string.Join(", ", r.RuleIds.Select(id => ruleName?.Invoke(id) ?? id))} within {N(r.Within.TotalMinutes)} min";

    protected override string FormatValue(CompositeRule? rule, double value) => value.ToString("0", Inv);
}
