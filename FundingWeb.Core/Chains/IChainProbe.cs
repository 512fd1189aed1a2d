namespace FundingWeb.Core.Chains;

/// <summary>Reads one chain's health. Never throws for a bad answer: an unreadable chain is a reading with its problem.</summary>
public interface IChainProbe
{
    string Chain { get; }

    Task<ChainReading> ProbeAsync(CancellationToken cancellationToken);
}
