using FundingWeb.Model.Charts;

namespace FundingWeb.Tests.Fixtures;

/// <summary>
/// Random rebuilds of a chart's series, as a ladder rebuild makes them: per series some points kept, some with a new y,
/// some gone, some new (anywhere), now and then every x moved (the price moved) or two points swapped. And the rule the
/// chart module applies a patch by (charts/patch.js), written again here so the C# diff is checked against it and the
/// browser test can check the module against the same cases.
/// </summary>
public static class SeriesPatchCases
{
    public static (IReadOnlyList<ChartSeries> Held, IReadOnlyList<ChartSeries> Next) Rebuild(int seed)
    {
        var random = new Random(seed);
        var held = new List<ChartSeries>();
        var next = new List<ChartSeries>();
        for (var k = 0; k < 1 + random.Next(3); k++)
        {
            var before = Enumerable.Range(0, random.Next(12)).Select(i => new[] { 100 + 10.0 * i, Y(random) }).ToList();
            if (random.Next(4) == 0) before.Reverse();
            var after = new List<double[]>();
            foreach (var p in before)
            {
                var roll = random.Next(10);
                if (roll == 0) continue;
                after.Add(roll <= 2 ? [p[0], Y(random)] : p);
            }
            for (var n = random.Next(3); n > 0; n--)
            {
                var x = 100 + 10.0 * random.Next(20) + (random.Next(2) == 0 ? 5 : 0);
                if (after.All(p => p[0] != x)) after.Insert(random.Next(after.Count + 1), [x, Y(random)]);
            }
            if (random.Next(6) == 0) after = [.. after.Select(p => new[] { p[0] * 1.001, p[1] })];
            if (random.Next(6) == 0 && after.Count >= 2) (after[0], after[^1]) = (after[^1], after[0]);
            held.Add(new ChartSeries($"s{k}", before.Select(p => (object?)p).ToList()));
            next.Add(new ChartSeries($"s{k}", after.Select(p => (object?)p).ToList()));
        }
        return (held, next);
    }

    /// <summary>The data a series holds after a patch, by the module's rule: drop, set, then insert in order.</summary>
    public static IReadOnlyList<object?> Apply(IReadOnlyList<object?> data, SeriesPatch patch)
    {
        if (patch.Data is { } whole) return [.. whole];
        var gone = patch.Remove?.ToHashSet() ?? [];
        var set = patch.Set?.ToDictionary(p => p[0], p => p[1]) ?? [];
        var result = new List<object?>();
        foreach (var item in data)
        {
            if (item is not double[] p) result.Add(item);
            else if (!gone.Contains(p[0])) result.Add(set.TryGetValue(p[0], out var y) ? new[] { p[0], y } : p);
        }
        foreach (var insert in patch.Insert ?? []) result.Insert((int)insert[0], new[] { insert[1], insert[2] });
        return result;
    }

    private static double Y(Random random) => Math.Round(random.NextDouble() * 50, random.Next(4));
}
