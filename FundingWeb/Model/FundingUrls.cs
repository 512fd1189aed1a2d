using FundingWeb.Core.Funding;
using Microsoft.AspNetCore.WebUtilities;

namespace FundingWeb.Model;

/// <summary>Every link in the app is built here, so a view's state always round-trips through its URL.</summary>
public static class FundingUrls
{
    public const string BasisParameter = "basis";
    public const string VenuesParameter = "venues";

    public static string Overview(RateBasis? basis = null, IEnumerable<string>? venues = null)
    {
        var query = new Dictionary<string, string?>();
        if (basis is { } b && b != RateBasis.Apr) query[BasisParameter] = FundingBasis.Token(b);
        if (venues?.ToList() is { Count: > 0 } list) query[VenuesParameter] = string.Join(',', list);
        return QueryHelpers.AddQueryString("/", query);
    }

    /// <summary>Parses a comma-separated venue list from a URL; empty means all.</summary>
    public static IReadOnlySet<string> ParseVenues(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => v.ToLowerInvariant()).ToHashSet(StringComparer.OrdinalIgnoreCase);
}
