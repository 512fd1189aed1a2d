namespace FundingWeb.Core.Alerts.Kinds;

/// <summary>Any watched venue whose sequencer-uptime feed reports down; nothing to say where no feed is read.</summary>
public sealed class SequencerDownKind : AlertKind<SequencerDownRule>
{
    public override AlertRuleKind Kind => AlertRuleKind.SequencerDown;
    public override string Title => "Rollup sequencer down";
    public override string ValueUnit => "1 when down, 0 when up";

    public override IReadOnlyList<AlertField> Fields { get; } = [VenueField("any venue with an uptime feed")];

    protected override SequencerDownRule Make(string id, string name, AlertFormValues v) => new() { Id = id, Name = name, Venue = v.Venue };

    protected override AlertFormValues Values(SequencerDownRule r) => new() { Venue = r.Venue };

    internal override AlertReading? Read(SequencerDownRule rule, AlertContext context)
    {
        var fed = context.Snapshot.Venues.Values
            .Where(v => (rule.Venue is null || v.Venue.Id == rule.Venue) && v.Chain?.Sequencer is Chains.SequencerState.Up or Chains.SequencerState.Down)
            .OrderByDescending(v => v.Chain!.Sequencer == Chains.SequencerState.Down).ThenBy(v => v.Venue.Id, StringComparer.Ordinal)
            .FirstOrDefault();
        if (fed?.Chain is not { } chain) return null;
        var down = chain.Sequencer == Chains.SequencerState.Down;
        var since = chain.SequencerSinceMs is { } s ? $" since {DateTimeOffset.FromUnixTimeMilliseconds(s):yyyy-MM-dd HH:mm:ss} UTC" : "";
        return new AlertReading(down ? 1 : 0, down, $"{fed.Venue.Id} {chain.Chain} sequencer {(down ? "down" : "up")}{since} (uptime feed)", fed.Venue.Id, null);
    }

    protected override string Describe(SequencerDownRule r, Func<string, string>? ruleName) => $"sequencer of {Where(r.Venue)} reported down";

    protected override string FormatValue(SequencerDownRule? rule, double value) => value >= 1 ? "down" : "up";
}
