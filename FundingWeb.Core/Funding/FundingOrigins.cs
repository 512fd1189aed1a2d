namespace FundingWeb.Core.Funding;

/// <summary>How a settled row was obtained, where a venue allows more than one way (stored in <c>funding.origin</c>).</summary>
public static class FundingOrigins
{
    /// <summary>Exact: the hour's accrual from the difference of the venue's cumulative funding index.</summary>
    public const string IndexDelta = "index";

    /// <summary>Approximate: the quoted rate sampled once in the hour, standing for the whole hour.</summary>
    public const string HourlySample = "sample";

    public static string Describe(string? origin) => origin switch
    {
        IndexDelta => "exact: from the change of the funding index over the hour",
        HourlySample => "approximate: the quoted rate sampled once in the hour",
        _ => "the venue's own settlement",
    };
}
