using FundingWeb.Core.Funding;

namespace FundingWeb.Model;

/// <summary>How a basis is drawn: values in percent, with the decimals that suit it.</summary>
public static class BasisDisplay
{
    public static double Percent(double rate1h, RateBasis basis) => FundingBasis.FromRate1h(rate1h, basis) * 100;

    public static int Decimals(RateBasis basis) => basis switch { RateBasis.Hourly => 5, RateBasis.EightHour => 4, _ => 2 };

    public static string AxisTitle(RateBasis basis) => $"Funding, {FundingBasis.Label(basis)}";
}
