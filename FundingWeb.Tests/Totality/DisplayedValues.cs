using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace FundingWeb.Tests.Totality;

/// <summary>
/// Walks a page model (records, lists, dictionaries, tuples) and lists every number that is not finite and every text
/// that prints one, with its path, so a failing property names exactly what would have reached the screen.
/// </summary>
public static class DisplayedValues
{
    private static readonly string[] BadText = ["NaN", "Infinity", "∞"];

    /// <summary>Paths that end in one of <paramref name="rawFields"/> (e.g. "Rate1h": the raw rate a cell keeps) are not checked.</summary>
    public static IReadOnlyList<string> Problems(object? model, params string[] rawFields)
    {
        var problems = new List<string>();
        Walk(model, "model", rawFields, new HashSet<object>(ReferenceEqualityComparer.Instance), problems, 0);
        return problems;
    }

    private static void Walk(object? value, string path, string[] raw, HashSet<object> seen, List<string> problems, int depth)
    {
        if (value is null || depth > 12 || raw.Any(r => path.EndsWith("." + r, StringComparison.Ordinal))) return;
        switch (value)
        {
            case double d:
                if (!double.IsFinite(d)) problems.Add($"{path} = {d}");
                return;
            case float f:
                if (!float.IsFinite(f)) problems.Add($"{path} = {f}");
                return;
            case double[] numbers:
                // Chart points: checked in place, they are most of what a page model holds.
                if (!Array.TrueForAll(numbers, double.IsFinite)) problems.Add($"{path} = [{string.Join(", ", numbers)}]");
                return;
            case string s:
                if (BadText.FirstOrDefault(b => s.Contains(b, StringComparison.Ordinal)) is { } bad) problems.Add($"{path} prints '{bad}': {s}");
                return;
            case Enum or bool or char or int or long or short or byte or uint or ulong or decimal or DateTimeOffset or DateTime or TimeSpan or Type:
                return;
        }
        var type = value.GetType();
        if (!type.IsValueType && !seen.Add(value)) return;
        if (value is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary) Walk(entry.Value, $"{path}[{entry.Key}]", raw, seen, problems, depth + 1);
            return;
        }
        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                // Chart points are checked in place: building a path for each of thousands would dominate the run.
                if (item is double[] point)
                {
                    if (!Array.TrueForAll(point, double.IsFinite)) problems.Add($"{path}[{i}] = [{string.Join(", ", point)}]");
                }
                else
                {
                    Walk(item, $"{path}[{i}]", raw, seen, problems, depth + 1);
                }
                i++;
            }
            return;
        }
        if (value is ITuple tuple)
        {
            for (var i = 0; i < tuple.Length; i++) Walk(tuple[i], $"{path}.Item{i + 1}", raw, seen, problems, depth + 1);
            return;
        }
        if (type.Namespace?.StartsWith("FundingWeb", StringComparison.Ordinal) != true) return;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            Walk(property.GetValue(value), $"{path}.{property.Name}", raw, seen, problems, depth + 1);
        }
    }
}
