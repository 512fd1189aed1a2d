using System.Globalization;
using FundingWeb.Core.Chains;
using FundingWeb.Core.Ingest;
using FundingWeb.Core.Live;

namespace FundingWeb.Model;

/// <summary>
/// One venue on the health strip, as the words it shows. Ages are printed to the unit shown (s, min, h, d), so the item
/// is equal to last tick's, and left unrendered, until its text changes.
/// </summary>
/// <param name="Label">fresh, degraded or stale (<see cref="VenueHealth.Label"/>), or "chain stalled" when the feed is fine but the
/// venue's settlement chain is not moving (a sequencer down counts): the data is current, getting out is not.</param>
/// <param name="Status">The state with its age: "fresh · 3 s ago · 41 ms", "stale for 2 min", "degraded · polled 5 s ago",
/// "chain stalled · polled 4 s ago"; a lagging chain or a planned window is added to a fresh venue's line.</param>
/// <param name="Reason">Why the venue is stale, degraded or its chain stalled; null when fresh.</param>
/// <param name="MarketErrors">On a fresh venue, the markets it could not read (the first two), or null.</param>
/// <param name="MarketErrorsDetail">Every unreadable market with its reason, one a line.</param>
public sealed record VenueHealthView(string VenueId, string Name, VenueState State, string Label, string Status, string? Reason,
    string? MarketErrors = null, string? MarketErrorsDetail = null)
{
    public const string ChainStalled = "chain stalled";

    public static ValueList<VenueHealthView> All(MarketSnapshot snapshot, long nowMs) =>
        snapshot.Venues.Values.Select(v => Of(v, nowMs)).ToValueList();

    public static VenueHealthView Of(VenueSnapshot venue, long nowMs)
    {
        var health = VenueHealth.Of(venue);
        var chain = venue.ChainHealthAt(nowMs);
        var stalled = chain is { State: ChainState.Stalled } ? chain.Reason : null;
        var status = venue.Status;
        var id = venue.Venue.Id;
        var name = venue.Venue.Name;
        switch (health.State)
        {
            case VenueState.Stale:
                return new(id, name, health.State, health.Label, Age(nowMs, health.SinceMs) is { } age ? $"stale for {age}" : "stale", Reasons(health.Reason, stalled));
            case VenueState.Degraded:
                return new(id, name, health.State, health.Label, Join("degraded", Ago("polled", nowMs, status.LastSuccessMs)), Reasons(health.Reason, stalled));
            case VenueState.Fresh when stalled is not null:
                return new(id, name, VenueState.Degraded, ChainStalled, Join(ChainStalled, Ago("polled", nowMs, status.LastSuccessMs)), stalled);
            default:
                var latency = status.LatencyMs is { } ms && double.IsFinite(ms) ? Display.Number(ms, "0") + " ms" : null;
                var note = chain?.State switch { ChainState.Lagging => "chain lagging", ChainState.Maintenance => "chain: planned maintenance", _ => null };
                var errors = venue.MarketErrors;
                return new(id, name, health.State, health.Label, Join("fresh", Ago(null, nowMs, status.LastSuccessMs), latency, note), note is null ? null : chain!.Reason,
                    errors.IsEmpty ? null : $"{errors.Length} market(s) unreadable: {string.Join("; ", errors.Take(2).Select(e => $"{e.Symbol}: {e.Reason}"))}",
                    errors.IsEmpty ? null : string.Join("\n", errors.Select(e => $"{e.Symbol}: {e.Reason}")));
        }
    }

    /// <summary>
    /// How long ago <paramref name="sinceMs"/> was, in the largest unit that keeps two digits: "45 s", "12 min", "5 h", "3 d".
    /// Null when unknown. A time after now (clocks disagree) is "0 s"; any long, however far back, prints a number.
    /// </summary>
    public static string? Age(long nowMs, long? sinceMs)
    {
        if (sinceMs is not { } since) return null;
        // In double: now − long.MinValue overflows a long.
        var seconds = Math.Max(0, ((double)nowMs - since) / 1000);
        var (value, unit) = seconds < 90 ? (seconds, "s") : seconds < 5400 ? (seconds / 60, "min") : seconds < 172_800 ? (seconds / 3600, "h") : (seconds / 86_400, "d");
        return Math.Floor(value).ToString("0", CultureInfo.InvariantCulture) + " " + unit;
    }

    private static string? Ago(string? verb, long nowMs, long? sinceMs) =>
        Age(nowMs, sinceMs) is { } age ? (verb is null ? "" : verb + " ") + age + " ago" : null;

    private static string Join(params string?[] parts) => string.Join(" · ", parts.Where(p => !string.IsNullOrEmpty(p)));

    private static string? Reasons(string? reason, string? chain) => reason is null ? chain : chain is null ? reason : reason + "; " + chain;
}
