namespace FundingWeb.Core.Sharing;

/// <summary>
/// The one view a share link opens: page path, asset, venues (empty = all), range (a relative token such as "7d"
/// stays relative; "custom" carries fixed UTC bounds), basis token, window and venue, and the page's own state
/// (<see cref="Extras"/>: a book, a notional, a heatmap mode). The server builds the shared page from this alone, so a
/// tampered query string cannot widen it.
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
    string? Venue = null,
    ShareExtras? Extras = null)
{
    /// <summary>Null when the page keeps nothing of its own (none and empty are one scope, as stored).</summary>
    public ShareExtras? Extras { get; init => field = value is { IsEmpty: false } ? value : null; } = Extras is { IsEmpty: false } ? Extras : null;

    /// <summary>The page's own state; <see cref="ShareExtras.None"/> when it keeps none.</summary>
    public ShareExtras PageExtras => Extras ?? ShareExtras.None;
}
