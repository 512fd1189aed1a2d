namespace FundingWeb.Core.OpenInterest;

/// <summary>Change of open interest over a look-back.</summary>
/// <param name="AbsoluteUsd">Now − then in USD; null when either end is unknown.</param>
/// <param name="Relative">(now − then) ÷ then as a fraction (0.1 = +10 %); null when unknown or then was 0.</param>
public sealed record OpenInterestChange(double? AbsoluteUsd, double? Relative)
{
    public static OpenInterestChange Unknown { get; } = new(null, null);

    /// <summary>A relative change against a near-zero base can overflow; it is then unknown rather than ∞.</summary>
    public static OpenInterestChange Between(double? then, double? now) =>
        then is { } t && now is { } n && double.IsFinite(n - t) ? new(n - t, t > 0 && double.IsFinite((n - t) / t) ? (n - t) / t : null) : Unknown;
}
