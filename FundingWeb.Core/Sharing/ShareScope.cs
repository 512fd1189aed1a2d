namespace FundingWeb.Core.Sharing;

/// <summary>
/// The one view a share link opens: page path, asset, venues (empty = all), range (a relative token such as "7d"
/// stays relative; "custom" carries fixed UTC bounds), basis token and the page's extras. The server builds the shared
/// page from this alone, so a tampered query string cannot widen it.
/// </summary>
public sealed record ShareScope(
    string Path,
    string? Asset,
    IReadOnlyList<string> Venues,
    string RangeToken,
    long? RangeFromMs,
    long? RangeToMs,
    string Basis,
    string? Window = null,
    string? Venue = null);
