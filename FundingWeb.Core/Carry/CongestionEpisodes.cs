using FundingWeb.Core.Storage;

namespace FundingWeb.Core.Carry;

/// <summary>
/// Past congestion episodes of one venue's chain, from its health history: a run of consecutive points whose head age is
/// at or above the chain's lagging limit. An episode lasts as long as the oldest head seen in it (a head stops while the
/// chain is stuck, so its age at the end of the run is the stall's length), and at least from its first point to its last.
/// Points without a head age end a run; they are neither congestion nor health.
/// </summary>
public static class CongestionEpisodes
{
    public static IReadOnlyList<TimeSpan> From(IEnumerable<VenueHealthPoint> points, TimeSpan lagAfter)
    {
        ArgumentNullException.ThrowIfNull(points);
        var limitMs = lagAfter.TotalMilliseconds;
        var episodes = new List<TimeSpan>();
        long? firstMs = null, lastMs = null;
        double worstMs = 0;
        void Close()
        {
            if (firstMs is { } first && lastMs is { } last) episodes.Add(TimeSpan.FromMilliseconds(Math.Max(worstMs, last - first)));
            (firstMs, lastMs, worstMs) = (null, null, 0);
        }
        foreach (var p in points.OrderBy(p => p.TimeMs))
        {
            if (p.HeadAgeMs is { } age && double.IsFinite(age) && age >= limitMs)
            {
                firstMs ??= p.TimeMs;
                lastMs = p.TimeMs;
                worstMs = Math.Max(worstMs, age);
            }
            else
            {
                Close();
            }
        }
        Close();
        return episodes;
    }
}
