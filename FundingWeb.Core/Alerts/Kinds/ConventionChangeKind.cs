namespace FundingWeb.Core.Alerts.Kinds;

public sealed class ConventionChangeKind : AlertKind<ConventionChangeRule>
{
    public override AlertRuleKind Kind => AlertRuleKind.ConventionChange;
    public override string Title => "Funding interval or unit changed";
    public override string ValueUnit => "minutes since the change";

    public override IReadOnlyList<AlertField> Fields { get; } =
    [
        new(AlertFieldSlot.Asset, "Asset", Optional: true, EmptyLabel: "any asset"), VenueField(),
        new(AlertFieldSlot.Minutes, "Notify for changes newer than (minutes)", "min", Min: 0, AboveMin: true),
    ];

    protected override ConventionChangeRule Make(string id, string name, AlertFormValues v) =>
        new() { Id = id, Name = name, Venue = v.Venue, Asset = v.Asset.Length == 0 ? null : v.Asset, Window = MinutesOf(v) };

    protected override AlertFormValues Values(ConventionChangeRule r) => new() { Asset = r.Asset ?? "", Venue = r.Venue, Minutes = r.Window.TotalMinutes };

    internal override AlertReading? Read(ConventionChangeRule rule, AlertContext context) => AlertReadings.ConventionChange(rule, context.Snapshot, context.NowMs);

    protected override string Describe(ConventionChangeRule r, Func<string, string>? ruleName) =>
        $"funding interval or unit changes on {(r.Asset ?? "any asset")} at {Where(r.Venue)} (notified for {N(r.Window.TotalMinutes)} min)";

    protected override string FormatValue(ConventionChangeRule? rule, double value) => string.Create(Inv, $"{value:0.#} min ago");
}
