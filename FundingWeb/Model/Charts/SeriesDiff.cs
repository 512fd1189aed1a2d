namespace FundingWeb.Model.Charts;

/// <summary>
/// The difference between the series a chart holds and the same series rebuilt (the liquidation ladder every few seconds),
/// keyed by x within each series id, so a rebuild sends only what moved instead of every series whole.
/// </summary>
public static class SeriesDiff
{
    /// <summary>
    /// Per series, what turns <paramref name="held"/> into <paramref name="next"/>; series without a change are left out
    /// (nothing changed: empty). Null when the two are not the same series in the same order with the same look (names,
    /// kinds, stacks, flags): the legend, colours and stacking follow the series' order, so that is a replace, not a patch.
    /// </summary>
    public static IReadOnlyList<SeriesPatch>? Between(IReadOnlyList<ChartSeries> held, IReadOnlyList<ChartSeries> next)
    {
        ArgumentNullException.ThrowIfNull(held);
        ArgumentNullException.ThrowIfNull(next);
        if (held.Count != next.Count) return null;
        var patches = new List<SeriesPatch>();
        for (var i = 0; i < next.Count; i++)
        {
            if (!SameLook(held[i], next[i])) return null;
            if (Of(held[i].Data, next[i]) is { } patch) patches.Add(patch);
        }
        return patches;
    }

    /// <summary>Everything but the data. Notes go point by point with the data, so a series with notes is never patched.</summary>
    private static bool SameLook(ChartSeries a, ChartSeries b) =>
        a.Id == b.Id && a.Name == b.Name && a.Type == b.Type && a.Meta == b.Meta && a.Live == b.Live && a.Stack == b.Stack && a.Marker == b.Marker
        && a.Notes is null && b.Notes is null;

    /// <summary>
    /// One series: null when its data did not change. Keyed by x, so only data made of [x, y] points with distinct x in the
    /// same relative order can be patched; anything else (a category series' plain values, two points at one x, points that
    /// swapped places) is sent whole, as is a change that would cost as many numbers as the whole data.
    /// </summary>
    private static SeriesPatch? Of(IReadOnlyList<object?> held, ChartSeries next)
    {
        var data = next.Data;
        if (Keyed(held) is not { } before || Keyed(data) is not { } after) return SameData(held, data) ? null : Whole(next);
        // Where each point both hold stands among those points, before: it must stand there after too, or dropping and
        // inserting by position would not rebuild the new order.
        var rank = new Dictionary<double, int>(held.Count);
        var remove = new List<double>();
        foreach (var item in held)
        {
            var x = ((double[])item!)[0];
            if (after.ContainsKey(x)) rank[x] = rank.Count;
            else remove.Add(x);
        }
        var set = new List<double[]>();
        var insert = new List<double[]>();
        var kept = 0;
        for (var i = 0; i < data.Count; i++)
        {
            var p = (double[])data[i]!;
            if (!before.TryGetValue(p[0], out var y))
            {
                insert.Add([i, p[0], p[1]]);
                continue;
            }
            if (rank[p[0]] != kept++) return Whole(next);
            if (!y.Equals(p[1])) set.Add(p);
        }
        if (set.Count + remove.Count + insert.Count == 0) return null;
        // In numbers sent: a set point is two, a removal one, an insertion three; the whole data two per point.
        return 2 * set.Count + remove.Count + 3 * insert.Count >= 2 * data.Count
            ? Whole(next)
            : new SeriesPatch(next.Id, set.Count > 0 ? set : null, remove.Count > 0 ? remove : null, insert.Count > 0 ? insert : null);
    }

    private static SeriesPatch Whole(ChartSeries next) => new(next.Id, Data: next.Data);

    /// <summary>x → y when every item is an [x, y] point with a distinct x; null otherwise.</summary>
    private static Dictionary<double, double>? Keyed(IReadOnlyList<object?> data)
    {
        var keyed = new Dictionary<double, double>(data.Count);
        foreach (var item in data)
        {
            if (item is not double[] { Length: 2 } p || !keyed.TryAdd(p[0], p[1])) return null;
        }
        return keyed;
    }

    private static bool SameData(IReadOnlyList<object?> a, IReadOnlyList<object?> b)
    {
        if (a.Count != b.Count) return false;
        for (var i = 0; i < a.Count; i++)
        {
            var same = (a[i], b[i]) switch
            {
                (double[] p, double[] q) => p.AsSpan().SequenceEqual(q),
                (null, null) => true,
                var (x, y) => Equals(x, y),
            };
            if (!same) return false;
        }
        return true;
    }
}
