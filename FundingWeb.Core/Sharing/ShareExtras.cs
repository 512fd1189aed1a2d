using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace FundingWeb.Core.Sharing;

/// <summary>
/// A page's own state carried by a share link beyond the common view state, as that page's URL spells it: name=value
/// pairs, a name repeated where the URL repeats it (a Portfolio's <c>pos=</c>). Bounded when built (<see cref="Of"/>), so a
/// link never stores more than <see cref="MaxEncodedLength"/> characters of it; canonical (names in ordinal order, a
/// name's values in their order), so equal state compares and stores equal. Which names a page may keep is the
/// <see cref="IShareExtrasPolicy"/>'s call, not this type's.
/// </summary>
public sealed partial class ShareExtras : IEquatable<ShareExtras>
{
    public const int MaxPairs = 64;
    public const int MaxValueLength = 200;
    public const int MaxEncodedLength = 4096;

    private readonly ImmutableArray<KeyValuePair<string, string>> _pairs;
    private readonly string _encoded;

    private ShareExtras(ImmutableArray<KeyValuePair<string, string>> pairs)
    {
        _pairs = pairs;
        _encoded = string.Join('&', pairs.Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value)));
    }

    public static ShareExtras None { get; } = new([]);

    public IReadOnlyList<KeyValuePair<string, string>> Pairs => _pairs;

    public bool IsEmpty => _pairs.IsEmpty;

    public IReadOnlyList<string> Names => _pairs.Select(p => p.Key).Distinct(StringComparer.Ordinal).ToList();

    public IReadOnlyList<string> Values(string name) => _pairs.Where(p => p.Key == name).Select(p => p.Value).ToList();

    public string? Value(string name) => _pairs.FirstOrDefault(p => p.Key == name).Value;

    /// <summary>
    /// Extras from a page's parameters (null values are absent ones). Throws <see cref="InvalidShareScopeException"/>, saying
    /// which bound was passed, for a name that is not a parameter name, a value too long or holding control characters,
    /// too many pairs or too much in all.
    /// </summary>
    public static ShareExtras Of(IEnumerable<KeyValuePair<string, string?>>? pairs)
    {
        var kept = new List<KeyValuePair<string, string>>();
        var total = 0;
        foreach (var (name, value) in pairs ?? [])
        {
            if (value is null) continue;
            if (name is null || !NamePattern().IsMatch(name)) throw new InvalidShareScopeException($"'{Shown(name ?? "")}' is not a page setting a link can keep.");
            if (value.Length > MaxValueLength)
            {
                throw new InvalidShareScopeException($"The page's '{name}' is {value.Length:#,0} characters long: a link keeps at most {MaxValueLength} per value.");
            }
            if (value.Any(char.IsControl)) throw new InvalidShareScopeException($"The page's '{name}' holds control characters: a link cannot keep it.");
            kept.Add(new(name, value));
            if (kept.Count > MaxPairs) throw new InvalidShareScopeException($"The page gives more than {MaxPairs} settings: a link keeps at most {MaxPairs}.");
            total += name.Length + 2 + Uri.EscapeDataString(value).Length;
            if (total > MaxEncodedLength)
            {
                throw new InvalidShareScopeException($"The page's settings come to more than {MaxEncodedLength:#,0} characters: too much for a link to keep.");
            }
        }
        // OrderBy is stable: a name's values keep the page's order (the Portfolio's positions are numbered by it).
        return kept.Count == 0 ? None : new([.. kept.OrderBy(p => p.Key, StringComparer.Ordinal)]);
    }

    /// <summary>The stored form: <c>name=value&amp;…</c>, values percent-encoded.</summary>
    public string Encode() => _encoded;

    /// <summary>
    /// The stored form read back. What was stored was bounded by <see cref="Of"/>; a row edited by hand into something
    /// else opens with no extras (the page's defaults), never with more than a link may carry.
    /// </summary>
    public static ShareExtras Decode(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > MaxEncodedLength * 3) return None;
        try
        {
            var extras = Of(text.Split('&').Select(part => part.Split('=', 2) is [var name, var value]
                ? new KeyValuePair<string, string?>(name, Uri.UnescapeDataString(value))
                : throw new InvalidShareScopeException("malformed")));
            // Only the form Encode writes: anything else was not stored by us.
            return extras.Encode() == text ? extras : None;
        }
        catch (InvalidShareScopeException)
        {
            return None;
        }
    }

    public bool Equals(ShareExtras? other) => other is not null && string.Equals(_encoded, other._encoded, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is ShareExtras other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_encoded);

    public override string ToString() => _encoded;

    private static string Shown(string text) => text.Length <= 24 ? text : text[..24] + "…";

    [GeneratedRegex(@"^[a-z][a-z0-9_]{0,15}\z")]
    private static partial Regex NamePattern();
}
