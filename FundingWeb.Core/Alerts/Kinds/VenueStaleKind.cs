namespace FundingWeb.Core.Alerts.Kinds;

public sealed class VenueStaleKind : AlertKind<VenueStaleRule>
{
    public override AlertRuleKind Kind => AlertRuleKind.VenueStale;
    public override string Title => "Venue stale or degraded";
    public override string ValueUnit => "minutes stale or degraded";

    public override IReadOnlyList<AlertField> Fields { get; } =
        [VenueField(), new(AlertFieldSlot.Minutes, "Stale or degraded for more than (minutes)", "min", Min: 0)];

    protected override VenueStaleRule Make(string id, string name, AlertFormValues v) => new() { Id = id, Name = name, Venue = v.Venue, MinStale = MinutesOf(v) };

    protected override AlertFormValues Values(VenueStaleRule r) => new() { Venue = r.Venue, Minutes = r.MinStale.TotalMinutes };

    internal override AlertReading? Read(VenueStaleRule rule, AlertContext context) => AlertReadings.VenueStale(rule, context.Snapshot, context.NowMs, context.Firing);

    protected override string Describe(VenueStaleRule r, Func<string, string>? ruleName) =>
        $"{(r.Venue ?? "any venue")} stale or degraded for more than {N(r.MinStale.TotalMinutes)} min";

    protected override string FormatValue(VenueStaleRule? rule, double value) => string.Create(Inv, $"{value:0.#} min");
}
