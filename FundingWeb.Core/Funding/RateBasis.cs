namespace FundingWeb.Core.Funding;

/// <summary>How a rate is shown. All derive from <c>rate_1h</c>.</summary>
public enum RateBasis
{
    Hourly,
    EightHour,
    /// <summary>Simple annualisation, rate_1h × 8760.</summary>
    Apr,
    /// <summary>Compounded hourly over a year, (1 + rate_1h)^8760 − 1.</summary>
    AprCompounded,
}
