namespace FundingWeb.Hosting;

/// <summary>Configuration section <c>Api</c>.</summary>
public sealed class ReadApiOptions
{
    /// <summary>The most rows one response carries; a request that would return more answers 400.</summary>
    public int MaxRows { get; set; } = 50_000;
}
