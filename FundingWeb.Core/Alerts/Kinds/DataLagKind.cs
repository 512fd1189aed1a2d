namespace FundingWeb.Core.Alerts.Kinds;

/// <summary>The most lagging venue's data (fetch time − the venue's own data time) among the watched ones.</summary>
public sealed class DataLagKind : AlertKind<DataLagRule>
{
    public override AlertRuleKind Kind => AlertRuleKind.DataLag;
    public override string Title => "Venue data lagging for M minutes";
    public override string ValueUnit => "data lag in seconds";

    public override IReadOnlyList<AlertField> Fields { get; } =
    [
        VenueField(),
        new(AlertFieldSlot.Threshold, "Data behind by more than", "s", Min: 0, AboveMin: true, Max: ChainHeadAgeKind.MaxSeconds),
        new(AlertFieldSlot.Minutes, "For at least (minutes)", "min", Min: 0),
        SecondsHysteresis,
    ];

    protected override DataLagRule Make(string id, string name, AlertFormValues v) =>
        new() { Id = id, Name = name, Venue = v.Venue, MaxLagSeconds = Stored(AlertFieldSlot.Threshold, v.Threshold), MinDuration = MinutesOf(v) };

    protected override AlertFormValues Values(DataLagRule r) =>
        new() { Venue = r.Venue, Threshold = Typed(AlertFieldSlot.Threshold, r.MaxLagSeconds), Minutes = r.MinDuration.TotalMinutes };

    internal override AlertReading? Read(DataLagRule rule, AlertContext context)
    {
        var worst = context.Snapshot.Venues.Values
            .Where(v => (rule.Venue is null || v.Venue.Id == rule.Venue) && v.Status.DataLagMs is not null)
            .OrderByDescending(v => v.Status.DataLagMs).ThenBy(v => v.Venue.Id, StringComparer.Ordinal)
            .FirstOrDefault();
        if (worst is null) return null;
        var lag = worst.Status.DataLagMs!.Value / 1000d;
        var limit = context.Firing ? rule.MaxLagSeconds - rule.Hysteresis : rule.MaxLagSeconds;
        return new AlertReading(lag, lag > limit,
            string.Create(Inv, $"{worst.Venue.Id} data {lag:0.#} s behind its fetch, threshold {rule.MaxLagSeconds:0.#} s for {rule.MinDuration.TotalMinutes:0.#} min"),
            worst.Venue.Id, null);
    }

    protected override string Describe(DataLagRule r, Func<string, string>? ruleName) =>
        $"data of {Where(r.Venue)} more than {N(r.MaxLagSeconds)} s behind for {N(r.MinDuration.TotalMinutes)} min";

    protected override string FormatValue(DataLagRule? rule, double value) => string.Create(Inv, $"{value:0.#} s");
}
