using FundingWeb.Core.Funding;

namespace FundingWeb.Core.Ingest;

/// <summary>What one poll read of its venue's conventions: the record per market, and the changes against the last read.</summary>
public sealed record ConventionUpdate(
    string Venue,
    IReadOnlyDictionary<string, MarketConvention> Markets,
    IReadOnlyList<ConventionChange> Changes)
{
    public static ConventionUpdate None(string venue) => new(venue, new Dictionary<string, MarketConvention>(), []);
}
