using FundingWeb.Core.Ingest;
using FundingWeb.Core.Live;

namespace FundingWeb.Model;

/// <summary>
/// One venue's health row as printed on the Venues page. A record of the printed text, so on a tick only the venues whose
/// poll changed something the row shows compare unequal and are rendered again.
/// </summary>
/// <param name="State">fresh, degraded or stale (also the row's data-state).</param>
public sealed record VenueHealthRowView(
    string Id, string Name, string State, bool Fresh, string? Reason, string LastSuccess, string StaleSince, string ErrorRate, string Latency,
    string Polls, int Markets, string Settlement, string WithdrawalDelay, string TakerFee)
{
    public static VenueHealthRowView From(VenueSnapshot venue)
    {
        var s = venue.Status;
        var health = VenueHealth.Of(venue);
        return new VenueHealthRowView(
            venue.Venue.Id, venue.Venue.Name, health.Label, health.IsFresh, health.Reason ?? s.LastError,
            Display.Utc(s.LastSuccessMs), Display.Utc(health.SinceMs ?? s.StaleSinceMs), Display.Percent(s.ErrorRate, "0.0"),
            s.LatencyMs is { } l && double.IsFinite(l) ? Display.Number(l, "0") + " ms" : Display.None,
            $"{s.Polls} / {s.Failures}", venue.Markets.Count, venue.Venue.RollupKind, Delay(venue.Venue.WithdrawalDelay),
            Display.Percent(venue.Venue.TakerFee, "0.000"));
    }

    private static string Delay(TimeSpan d) =>
        d.TotalDays >= 1 ? Display.Number(d.TotalDays, "0.#") + " d" : d.TotalHours >= 1 ? Display.Number(d.TotalHours, "0.#") + " h" : Display.Number(d.TotalMinutes, "0") + " min";
}
