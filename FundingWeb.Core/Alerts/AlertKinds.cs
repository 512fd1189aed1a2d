using FundingWeb.Core.Alerts.Kinds;

namespace FundingWeb.Core.Alerts;

/// <summary>Every alert kind, registered once. Adding a kind means one definition here (its form fields included): the Alerts page offers it with nothing else to change.</summary>
public static class AlertKinds
{
    public static IReadOnlyList<AlertKind> All { get; } =
    [
        new FundingThresholdKind(), new FundingFlipKind(), new SpreadKind(), new OpenInterestChangeKind(), new LadderProximityKind(),
        new VenueStaleKind(), new CompositeKind(), new ConventionChangeKind(), new ChainHeadAgeKind(), new SequencerDownKind(),
        new DataLagKind(), new RegimeChangeKind(),
    ];

    private static readonly Dictionary<AlertRuleKind, AlertKind> ByKind = All.ToDictionary(k => k.Kind);

    public static AlertKind For(AlertRuleKind kind) =>
        ByKind.TryGetValue(kind, out var k) ? k : throw new InvalidOperationException($"Alert kind {kind} has no definition in AlertKinds.All.");

    public static AlertKind For(AlertRule rule) => For(rule.Kind);
}
