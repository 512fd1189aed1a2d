namespace FundingWeb.Core.Prices;

/// <param name="Index">Index or oracle price; null where the venue has none (or left it empty).</param>
public sealed record PriceObservation(string Symbol, long TimeMs, double? Mark, double? Index);
