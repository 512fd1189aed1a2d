namespace FundingWeb.Core.Venues;

/// <summary>Per-venue settings, bound from <c>Venues:{id}</c>.</summary>
public sealed class VenueOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>So testnets and a loopback replay server work.</summary>
    public string BaseUrl { get; set; } = "";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Requests this adapter may send per minute; kept well under the venue's published limit.</summary>
    public int RequestsPerMinute { get; set; } = 60;

    public int BackfillDays { get; set; } = 30;

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>For venues whose unit is unverified ([U] in the notes): the unit we assume, overridable per deployment.</summary>
    public string? RateUnit { get; set; }

    /// <summary>For venues whose quoting interval is unverified: the interval we assume, in hours.</summary>
    public double? RateIntervalHours { get; set; }

    // Settlement facts (configuration, shown on the Venues page and used by the carry calculator).
    public string RollupKind { get; set; } = "";
    public TimeSpan WithdrawalDelay { get; set; } = TimeSpan.FromHours(1);
    public double TakerFee { get; set; } = 0.0005;
}
