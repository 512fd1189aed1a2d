namespace FundingWeb.Core.Carry;

public enum PositionSide
{
    Long,
    Short,
}

/// <summary>The position a user asks about.</summary>
/// <param name="Venue">Venue id.</param>
/// <param name="Asset">Base asset (BTC).</param>
/// <param name="NotionalUsd">Position size in USD at entry.</param>
/// <param name="Leverage">Notional ÷ margin (10 = 10×).</param>
/// <param name="HoldingHours">How long the user expects to hold it.</param>
public sealed record CarryPosition(string Venue, string Asset, PositionSide Side, double NotionalUsd, double Leverage, double HoldingHours)
{
    /// <summary>+1 for a long (pays positive funding), −1 for a short (receives it).</summary>
    public int Sign => Side == PositionSide.Long ? 1 : -1;

    /// <summary>USD the position pays (positive) or receives (negative) at <paramref name="rate1h"/> for <paramref name="hours"/>.</summary>
    public double CostUsd(double rate1h, double hours) => Sign * rate1h * hours * NotionalUsd;
}
