namespace FundingWeb.Model;

/// <summary>Builds <see cref="ValueList{T}"/>: collection expressions (<c>[a, b]</c>) and <c>ToValueList()</c>.</summary>
public static class ValueListBuilder
{
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) => new(items.ToArray());

    public static ValueList<T> ToValueList<T>(this IEnumerable<T> items) => new(items);
}
