namespace FundingWeb.Core.Spreads;

/// <summary>How long a spread has kept its sign and stayed beyond the threshold.</summary>
/// <param name="SinceMs">First sample of the unbroken run; the real crossing lies between the sample before it and this one.</param>
/// <param name="LastMs">Latest sample.</param>
/// <param name="Samples">Samples in the run.</param>
public sealed record SpreadHeld(long SinceMs, long LastMs, int Samples)
{
    public TimeSpan Duration => TimeSpan.FromMilliseconds(LastMs - SinceMs);
}
