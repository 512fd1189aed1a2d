namespace FundingWeb.Core.Depth;

/// <summary>
/// Round-robin over a venue's watched markets, by name like Aevo's instrument rotation: each round starts after the last
/// market read, so markets joining or leaving the watch list between rounds never make the others skip or repeat.
/// </summary>
public sealed class DepthRotation
{
    private readonly Lock _lock = new();
    private string? _last;

    public IReadOnlyList<string> Order(IEnumerable<string> symbols)
    {
        var sorted = symbols.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        lock (_lock)
        {
            var start = _last is null ? 0 : sorted.FindIndex(s => string.CompareOrdinal(s, _last) > 0);
            if (start < 0) start = 0;
            return [.. sorted.Skip(start), .. sorted.Take(start)];
        }
    }

    public void Read(string symbol)
    {
        lock (_lock) _last = symbol;
    }
}
