namespace FundingWeb.Core.Exports;

/// <summary>What an export holds: venue(s), market, basis and unit, plus the range and when it was made.</summary>
public sealed record CsvHeader(string Venue, string Market, string Basis, string Unit, string? Range = null, long? GeneratedMs = null)
{
    public IEnumerable<(string Key, string Value)> Lines()
    {
        yield return ("venue", Venue);
        yield return ("market", Market);
        yield return ("basis", Basis);
        yield return ("unit", Unit);
        if (Range is { } range) yield return ("range", range);
        if (GeneratedMs is { } ms) yield return ("generated_utc", CsvFormat.Time(ms));
    }
}
