namespace FundingWeb.Core.Venues.Simulator;

/// <summary>How a simulated venue computes and quotes funding, modelled on a real venue (venues/NOTES.md §0.1).</summary>
public enum SimFundingStyle
{
    /// <summary>Hyperliquid / Aevo: 8h formula with interest and clamp, one eighth paid each hour; quotes the 1h fraction.</summary>
    EightHourFormulaPaidHourly,
    /// <summary>dYdX: hourly premium TWAP plus a default rate, quoted as a 1h fraction.</summary>
    Hourly,
    /// <summary>Paradex: continuous accrual, quoted per the market's own funding period (1h or 8h).</summary>
    ContinuousPerPeriod,
    /// <summary>Lighter: hourly rate written in percent.</summary>
    HourlyPercent,
    /// <summary>GMX v2: the larger side pays; long and short rates differ; annualised 1e30 fixed point; plus borrowing.</summary>
    SeparateLongShort,
}
