namespace FundingWeb.Core.Liquidations;

/// <summary>Every ladder is labelled with where its levels came from.</summary>
public enum LadderKind
{
    /// <summary>From real positions a venue exposes.</summary>
    Measured,
    /// <summary>From open-interest changes and leverage assumptions.</summary>
    Modelled,
}
