namespace FundingWeb.Core.Depth;

/// <summary>One price level of a book: price in USD per unit, size in base units.</summary>
public readonly record struct BookLevel(double Price, double Size)
{
    public double Usd => Price * Size;
}
