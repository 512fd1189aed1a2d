namespace FundingWeb.Core.Venues.Aevo;

/// <summary>Aevo writes every time as Unix nanoseconds in a string; the rest of FundingWeb speaks Unix ms.</summary>
public static class AevoTime
{
    public const long NsPerMs = 1_000_000;

    public static long NsToMs(long ns) => ns / NsPerMs;

    public static long MsToNs(long ms) => ms * NsPerMs;
}
