namespace FundingWeb.Core.Funding;

/// <summary>
/// The one place a venue's rate becomes a fraction per hour. Every display basis derives from <c>rate_1h</c>.
/// </summary>
public static class FundingNormalizer
{
    public static double ToFraction(double raw, RateUnit unit) => unit switch
    {
        RateUnit.Fraction => raw,
        RateUnit.Percent => raw / 100d,
        RateUnit.Fixed1e30 => raw / 1e30,
        RateUnit.Ppm => raw / 1e6,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown rate unit."),
    };

    public static double ToRate1h(double raw, RateUnit unit, double intervalHours)
    {
        if (!double.IsFinite(raw))
        {
            throw new FormatException($"Funding rate {raw} is not a finite number.");
        }
        if (!double.IsFinite(intervalHours) || intervalHours <= 0)
        {
            throw new FormatException($"Funding interval {intervalHours} h is not a positive number of hours.");
        }
        return ToFraction(raw, unit) / intervalHours;
    }

    /// <summary>Inverse of <see cref="ToRate1h"/>: how a venue with this convention would write <paramref name="rate1h"/>.</summary>
    public static double FromRate1h(double rate1h, RateUnit unit, double intervalHours)
    {
        var fraction = rate1h * intervalHours;
        return unit switch
        {
            RateUnit.Fraction => fraction,
            RateUnit.Percent => fraction * 100d,
            RateUnit.Fixed1e30 => fraction * 1e30,
            RateUnit.Ppm => fraction * 1e6,
            _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown rate unit."),
        };
    }

    /// <summary>
    /// Continuous venues (Paradex, GMX) have no discrete settlements: an hourly sample of the quoted rate stands for what
    /// accrued over that hour. Its interval must be the hour it covers, not the quoting period, or realised funding
    /// (Σ rate_1h × interval_hours) would count each sample 8 or 8760 times; so the sample is written as a 1h fraction.
    /// </summary>
    public static RawFundingRate HourlySettlement(RawFundingRate sample, long hourMs) => sample with
    {
        TimeMs = hourMs,
        Kind = FundingKind.Settled,
        RateRaw = ToRate1h(sample.RateRaw, sample.Unit, sample.IntervalHours),
        IntervalHours = 1,
        Unit = RateUnit.Fraction,
        Source = SampleSource(sample.Source, sample.IntervalHours, sample.Unit),
    };

    /// <summary>
    /// One string per source, interval and unit, not one per row: the poller holds hours of these rows at a time, and as
    /// fresh strings they were ~1.1 MB of the process heap (5,616 copies of three texts, measured by dotnet-dump). Bounded:
    /// past <see cref="MaxSampleSources"/> distinct texts (a venue inventing sources) a row gets its own string again.
    /// </summary>
    private static string SampleSource(string? source, double intervalHours, RateUnit unit)
    {
        var key = (source ?? "", intervalHours, unit);
        if (SampleSources.TryGetValue(key, out var text)) return text;
        text = key.Item1 + $" (hourly sample of a rate per {intervalHours:0.##} h {unit}, as a 1h fraction)";
        return SampleSources.Count < MaxSampleSources ? SampleSources.GetOrAdd(key, text) : text;
    }

    private const int MaxSampleSources = 256;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, double, RateUnit), string> SampleSources = new();

    public static FundingRate Normalize(string venue, RawFundingRate raw) => new(
        venue, raw.Symbol, raw.TimeMs, raw.Kind, raw.Leg, raw.RateRaw, raw.IntervalHours, raw.Unit,
        ToRate1h(raw.RateRaw, raw.Unit, raw.IntervalHours), raw.Origin,
        raw.CrossCheck1h is double c && double.IsFinite(c) ? c : null);
}
