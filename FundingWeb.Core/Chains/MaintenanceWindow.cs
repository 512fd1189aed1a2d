using System.Globalization;

namespace FundingWeb.Core.Chains;

/// <summary>A planned daily window (UTC), configuration: e.g. <c>{ "StartUtc": "02:00", "Duration": "00:15:00" }</c>.</summary>
public sealed class MaintenanceWindow
{
    public string StartUtc { get; set; } = "00:00";

    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);

    public string? Label { get; set; }

    /// <summary>True when <paramref name="nowMs"/> falls inside today's (or yesterday's, if it crosses midnight) window.</summary>
    public bool Contains(long nowMs)
    {
        if (!TimeSpan.TryParseExact(StartUtc, @"hh\:mm", CultureInfo.InvariantCulture, out var start) || Duration <= TimeSpan.Zero) return false;
        var now = DateTimeOffset.FromUnixTimeMilliseconds(nowMs);
        foreach (var day in new[] { now.UtcDateTime.Date, now.UtcDateTime.Date.AddDays(-1) })
        {
            var from = new DateTimeOffset(day, TimeSpan.Zero) + start;
            if (now >= from && now < from + Duration) return true;
        }
        return false;
    }
}
