namespace FundingWeb.Core.Portfolio;

/// <summary>The book under one correlated shock of BTC by <see cref="Shock"/> (each asset moves by its beta × shock).</summary>
/// <param name="CascadeMoves">Extra move per asset added by liquidation clusters the shocked price crossed, after the fixed point.</param>
/// <param name="CascadeRounds">Rounds until no new cluster was crossed (capped).</param>
public sealed record ShockResult(
    double Shock,
    IReadOnlyList<AccountStress> Accounts,
    IReadOnlyDictionary<string, double> AssetMoves,
    IReadOnlyDictionary<string, double> CascadeMoves,
    int CascadeRounds);
