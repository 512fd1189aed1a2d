namespace FundingWeb.Core.Funding;

/// <summary>Bound from <c>Funding</c>: the plausibility rule's settings, shared by every path a rate arrives on.</summary>
public sealed class FundingOptions
{
    /// <summary>|rate_1h| beyond which a rate of a market without a published cap is implausible.</summary>
    public double SanityBound1h { get; set; } = FundingPlausibility.DefaultSanityBound1h;

    public double EffectiveSanityBound1h => double.IsFinite(SanityBound1h) && SanityBound1h > 0 ? SanityBound1h : FundingPlausibility.DefaultSanityBound1h;
}
