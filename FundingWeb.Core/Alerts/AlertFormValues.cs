using FundingWeb.Core.Funding;

namespace FundingWeb.Core.Alerts;

/// <summary>
/// A kind's fields as a form holds them, in the units they are typed in (see <see cref="AlertField.Scale"/>). A kind reads
/// only the slots it declares; a value left in another slot never reaches its rule.
/// </summary>
public sealed record AlertFormValues
{
    public string? Id { get; init; }
    public string Asset { get; init; } = "";
    public string? Venue { get; init; }
    public string Direction { get; init; } = "";
    public RateBasis Basis { get; init; } = RateBasis.Apr;
    public double? Threshold { get; init; }
    public double? MinNotionalUsd { get; init; }
    public double? Minutes { get; init; }
    public IReadOnlyList<string> RuleIds { get; init; } = [];
    public int Required { get; init; } = 2;
}
