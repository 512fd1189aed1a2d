using FundingWeb.Model.Charts;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>
/// The server's copy of a chart after ticks applies each point as the chart module does (charts.js put and trim), so a
/// CSV is what the chart shows. One table of the point's cases, then a random run for the invariants.
/// </summary>
[Trait("Category", "Fast")]
public sealed class LiveSeriesTests
{
    private static readonly TimeSpan Merge = TimeSpan.FromMilliseconds(100);

    private static LiveSeries History(params (double X, double Y)[] points) =>
        new([new ChartSeries("A quoted", points.Select(p => (object?)new[] { p.X, p.Y }).ToList(), Key: "a", Live: true)]);

    private static double[][] Data(LiveSeries live) => live.Current[0].Data.Cast<double[]>().ToArray();

    public static TheoryData<string, double[][], double[][], double[][]> Ticks => new()
    {
        // case, ticks (one point each, applied in order), what is sent, what the series holds after (history is 0,1 and 10,1).
        { "newer than the newest: appended", [[20, 2]], [[20, 2]], [[0, 1], [10, 1], [20, 2]] },
        { "older than the newest: ignored and not sent", [[5, 2]], [], [[0, 1], [10, 1]] },
        { "at the newest's time: the newer value wins", [[10, 3]], [[10, 3]], [[0, 1], [10, 3]] },
        { "history newest is never merged into", [[50, 2]], [[50, 2]], [[0, 1], [10, 1], [50, 2]] },
        { "a newest replaced at its time is live: the next close point merges into it", [[10, 3], [60, 4]], [[10, 3], [60, 4]], [[0, 1], [60, 4]] },
        { "within merge of the point before a live newest: replaces it, until a point is past merge", [[50, 2], [80, 3], [105, 4], [115, 5]],
            [[50, 2], [80, 3], [105, 4], [115, 5]], [[0, 1], [10, 1], [105, 4], [115, 5]] },
        { "past merge of the point before: appended", [[50, 2], [200, 3]], [[50, 2], [200, 3]], [[0, 1], [10, 1], [50, 2], [200, 3]] },
        { "not a number: dropped before it travels", [[double.NaN, 1], [30, double.PositiveInfinity], [40, 1]], [[40, 1]], [[0, 1], [10, 1], [40, 1]] },
        { "too short to be a point: dropped", [[30]], [], [[0, 1], [10, 1]] },
    };

    [Theory]
    [MemberData(nameof(Ticks))]
    public void Apply_EachCaseOfAPoint_SendsAndHoldsWhatTheChartModuleDoes(string @case, double[][] ticks, double[][] sent, double[][] after)
    {
        var live = History((0, 1), (10, 1));
        var travelled = new List<double[]>();
        foreach (var point in ticks)
        {
            travelled.AddRange(live.Apply([new SeriesAppend("a", [point])], null, Merge).SelectMany(a => a.Points));
        }
        Assert.True(sent.Length == travelled.Count && sent.Zip(travelled).All(p => p.First.SequenceEqual(p.Second)), @case);
        Assert.True(after.Length == Data(live).Length && after.Zip(Data(live)).All(p => p.First.SequenceEqual(p.Second)), @case);
    }

    [Fact]
    public void Apply_UnknownIdEmptySeriesAndNullPoints_AreTotal()
    {
        var live = new LiveSeries([new ChartSeries("empty", [], Key: "e")]);
        Assert.Empty(live.Apply([new SeriesAppend("nope", [[1, 1]]), new SeriesAppend("e", null!)], null, null));
        Assert.Null(live.LastX("e"));
        Assert.Null(live.LastX("nope"));

        Assert.Single(live.Apply([new SeriesAppend("e", [[5, 1]])], null, null));
        Assert.Equal(5, live.LastX("e"));
    }

    [Fact]
    public void Apply_Window_KeepsNothingOlderThanTheWindowBeforeTheNewest()
    {
        var live = History((0, 1), (10, 1), (20, 1));
        live.Apply([new SeriesAppend("a", [[35, 2]])], TimeSpan.FromMilliseconds(20), null);
        Assert.Equal([20d, 35d], Data(live).Select(p => p[0]));
    }

    [Fact]
    public void Apply_ManyTicks_NeverMoreThanMaxPointsInTimeOrderAndTheNewestAlwaysTheLastSent()
    {
        var random = new Random(7);
        var live = History(Enumerable.Range(0, ChartSeries.MaxPoints).Select(i => ((double)i * 10, 1d)).ToArray());
        double[]? lastSent = null;
        var x = ChartSeries.MaxPoints * 10d;
        for (var i = 0; i < 5_000; i++)
        {
            x += random.Next(-3, 40);
            var sent = live.Apply([new SeriesAppend("a", [[x, random.NextDouble()]])], TimeSpan.FromMilliseconds(15_000), TimeSpan.FromMilliseconds(random.Next(0, 60)));
            if (sent.Count > 0) lastSent = sent[0].Points[^1];
            var data = Data(live);
            Assert.InRange(data.Length, 1, ChartSeries.MaxPoints);
            Assert.True(data.Zip(data.Skip(1)).All(p => p.First[0] < p.Second[0]), "points in time order, no duplicate time");
            Assert.True(data[0][0] >= data[^1][0] - 15_000);
            if (lastSent is not null) Assert.Equal(lastSent, data[^1]);
        }
    }

    /// <summary>
    /// The live copy shares the loaded points and keeps only its trims and tail: against a plain list that applies each
    /// point the same way (the copy it replaced), over random loads (compact or listed, empty or full) and ticks (older,
    /// same time, within and past the merge, long gaps that trim), it holds the same points after every tick; a view
    /// handed out earlier does not move, and the loaded series is never changed.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Apply_SharedLoadedPoints_HoldTheSameAsAListCopyAndNeverChangeTheSource(int seed)
    {
        var random = new Random(seed);
        for (var run = 0; run < 12; run++)
        {
            var loadedCount = random.Next(0, 4) switch { 0 => 0, 1 => 1, 2 => random.Next(2, 50), _ => ChartSeries.MaxPoints };
            var loaded = Enumerable.Range(0, loadedCount).Select(k => (X: 1_000L + k * 10L, Y: random.NextDouble())).ToList();
            var source = random.Next(2) == 0
                ? ChartSeries.FromPoints("A", loaded) with { Key = "a", Live = true }
                : new ChartSeries("A", loaded.Select(p => (object?)new double[] { p.X, p.Y }).ToList(), Key: "a", Live: true);
            var sourcePoints = source.Data.Cast<double[]>().Select(p => p.ToArray()).ToList();
            var live = new LiveSeries([source]);
            var reference = new ReferenceCopy(source.Data.Cast<double[]>());
            var window = random.Next(3) == 0 ? (TimeSpan?)null : TimeSpan.FromMilliseconds(random.Next(50, 3_000));
            var x = 1_000d + loadedCount * 10d;
            (IReadOnlyList<object?> View, double[][] Then)? earlier = null;
            for (var tick = 0; tick < 200; tick++)
            {
                x += random.Next(6) switch { 0 => -random.Next(1, 30), 1 => 0, 2 => random.Next(1, 5), 3 => random.Next(5, 40), 4 => random.Next(40, 400), _ => 4_000 };
                var merge = TimeSpan.FromMilliseconds(random.Next(0, 3) * 20);
                var point = new[] { x, Math.Round(random.NextDouble(), 3) };
                var sent = live.Apply([new SeriesAppend("a", [point])], window, merge);
                var expected = reference.Apply(point, window?.TotalMilliseconds, merge.TotalMilliseconds);
                Assert.Equal(expected, sent.Count == 1);
                var now = live.Current[0].Data.Cast<double[]>().ToArray();
                Assert.Equal(reference.Points, now);
                Assert.Equal(reference.Points.Count > 0 ? reference.Points[^1][0] : null, live.LastX("a"));
                if (earlier is { } e) Assert.Equal(e.Then, e.View.Cast<double[]>().ToArray());
                if (random.Next(10) == 0) earlier = (live.Current[0].Data, now);
            }
            Assert.Equal(sourcePoints, source.Data.Cast<double[]>().ToList());
        }
    }

    /// <summary>The copy-everything list the live copy replaced, written as the chart module applies a point.</summary>
    private sealed class ReferenceCopy(IEnumerable<double[]> loaded)
    {
        private bool _mutable;

        public List<double[]> Points { get; } = [.. loaded];

        public bool Apply(double[] point, double? windowMs, double mergeMs)
        {
            if (Points.Count > 0)
            {
                var tail = Points[^1];
                if (point[0] < tail[0]) return false;
                if (point[0] == tail[0] || (_mutable && mergeMs > 0 && Points.Count >= 2 && point[0] - Points[^2][0] < mergeMs))
                {
                    Points[^1] = point;
                    _mutable = true;
                    Trim(windowMs);
                    return true;
                }
            }
            Points.Add(point);
            _mutable = true;
            Trim(windowMs);
            return true;
        }

        private void Trim(double? windowMs)
        {
            var cut = windowMs is { } w ? Points.TakeWhile(p => p[0] < Points[^1][0] - w).Count() : 0;
            cut = Math.Max(cut, Points.Count - ChartSeries.MaxPoints);
            if (cut > 0) Points.RemoveRange(0, cut);
        }
    }
}
