namespace FundingWeb.Core.Alerts.Kinds;

/// <summary>The oldest head (or a sequencer down) among the watched venues' chains; venues without a probe say nothing.</summary>
public sealed class ChainHeadAgeKind : AlertKind<ChainHeadAgeRule>
{
    public override AlertRuleKind Kind => AlertRuleKind.ChainHeadAge;
    public override string Title => "Chain head older than N seconds";
    public override string ValueUnit => "head age in seconds";

    public override IReadOnlyList<AlertField> Fields { get; } =
    [
        VenueField(),
        new(AlertFieldSlot.Threshold, "Head older than", "s", Min: 0, AboveMin: true, Max: MaxSeconds),
        SecondsHysteresis,
    ];

    /// <summary>A year of seconds: a head older than that is no threshold anyone sets.</summary>
    public const double MaxSeconds = 365 * 86_400;

    protected override ChainHeadAgeRule Make(string id, string name, AlertFormValues v) =>
        new() { Id = id, Name = name, Venue = v.Venue, MaxAgeSeconds = Stored(AlertFieldSlot.Threshold, v.Threshold) };

    protected override AlertFormValues Values(ChainHeadAgeRule r) => new() { Venue = r.Venue, Threshold = Typed(AlertFieldSlot.Threshold, r.MaxAgeSeconds) };

    internal override AlertReading? Read(ChainHeadAgeRule rule, AlertContext context)
    {
        var worst = context.Snapshot.Venues.Values
            .Where(v => rule.Venue is null || v.Venue.Id == rule.Venue)
            .Select(v => (Venue: v.Venue.Id, Health: v.ChainHealthAt(context.NowMs)))
            .Where(x => x.Health?.HeadAgeSeconds is not null || x.Health?.Reading.Sequencer == Chains.SequencerState.Down)
            .OrderByDescending(x => x.Health!.Reading.Sequencer == Chains.SequencerState.Down ? double.MaxValue : x.Health.HeadAgeSeconds!.Value)
            .ThenBy(x => x.Venue, StringComparer.Ordinal)
            .FirstOrDefault();
        if (worst.Health is not { } health) return null;
        var age = health.HeadAgeSeconds ?? 0;
        var down = health.Reading.Sequencer == Chains.SequencerState.Down;
        var limit = context.Firing ? rule.MaxAgeSeconds - rule.Hysteresis : rule.MaxAgeSeconds;
        var reason = string.Create(Inv, $"{worst.Venue} chain {health.Reading.Chain}: newest block {age:0} s old{(down ? ", sequencer down" : "")}, threshold {rule.MaxAgeSeconds:0} s");
        return new AlertReading(age, down || age > limit, reason, worst.Venue, null);
    }

    protected override string Describe(ChainHeadAgeRule r, Func<string, string>? ruleName) =>
        $"chain head of {Where(r.Venue)} older than {N(r.MaxAgeSeconds)} s (or its sequencer down)";

    protected override string FormatValue(ChainHeadAgeRule? rule, double value) => string.Create(Inv, $"{value:0} s");
}
