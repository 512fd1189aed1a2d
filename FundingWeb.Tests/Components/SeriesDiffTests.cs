using System.Text.Json;
using FundingWeb.Model.Charts;
using FundingWeb.Tests.Fixtures;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>
/// A same-shape rebuild sends only what changed, keyed by x within each series id: one table over the family of
/// rebuilds (with the patch as it goes over the circuit), then random rebuilds that the module's rule must turn back into
/// the new series, never costing more than the series sent whole.
/// </summary>
[Trait("Category", "Fast")]
public sealed class SeriesDiffTests
{
    private static ChartSeries Bars(string name, params (double X, double Y)[] points) => ChartSeries.FromPoints(name, []) with
    {
        Data = points.Select(p => (object?)new[] { p.X, p.Y }).ToList(), Stack = "longs",
    };

    private static readonly ChartSeries Longs = Bars("Longs", (100, 1), (90, 2), (80, 3), (70, 4));
    private static readonly ChartSeries Shorts = Bars("Shorts", (110, 5), (120, 6), (130, 7)) with { Stack = "shorts" };

    public static TheoryData<string, ChartSeries[], ChartSeries[], string?> Rebuilds => new()
    {
        // case, held, next, the patches as JSON (null: not a patch, the chart is replaced).
        { "no change", [Longs, Shorts], [Longs, Shorts], "[]" },
        { "one bucket's y changed: only it", [Longs, Shorts], [Bars("Longs", (100, 1), (90, 2), (80, 3.5), (70, 4)), Shorts],
            """[{"id":"Longs","set":[[80,3.5]]}]""" },
        { "a bucket appears: inserted at its place", [Longs], [Bars("Longs", (100, 1), (95, 9), (90, 2), (80, 3), (70, 4))],
            """[{"id":"Longs","insert":[[1,95,9]]}]""" },
        { "a bucket disappears: removed, not drawn at zero", [Longs], [Bars("Longs", (100, 1), (90, 2), (70, 4))],
            """[{"id":"Longs","remove":[80]}]""" },
        { "a bucket empties but stays: its y is 0", [Longs], [Bars("Longs", (100, 1), (90, 2), (80, 0), (70, 4))],
            """[{"id":"Longs","set":[[80,0]]}]""" },
        { "every x moved (the price moved): the series whole", [Longs, Shorts], [Bars("Longs", (101, 1), (91, 2), (81, 3), (71, 4)), Shorts],
            """[{"id":"Longs","data":[[101,1],[91,2],[81,3],[71,4]]}]""" },
        { "every y changed: whole, no dearer than its changes", [Shorts], [Bars("Shorts", (110, 1), (120, 2), (130, 3)) with { Stack = "shorts" }],
            """[{"id":"Shorts","data":[[110,1],[120,2],[130,3]]}]""" },
        { "the ladder empties", [Longs, Shorts], [Bars("Longs"), Shorts], """[{"id":"Longs","data":[]}]""" },
        { "an empty ladder stays empty", [Bars("Longs")], [Bars("Longs")], "[]" },
        { "an empty ladder fills", [Bars("Longs")], [Longs], """[{"id":"Longs","data":[[100,1],[90,2],[80,3],[70,4]]}]""" },
        { "two points swap places: whole (bars stack by index)", [Longs], [Bars("Longs", (90, 2), (100, 1), (80, 3), (70, 4))],
            """[{"id":"Longs","data":[[90,2],[100,1],[80,3],[70,4]]}]""" },
        { "NaN and ∞ never travel: such a point is gone", [Longs], [Bars("Longs", (100, 1), (90, double.NaN), (80, 3), (double.PositiveInfinity, 4), (70, 4))],
            """[{"id":"Longs","remove":[90]}]""" },
        { "negative zero is zero", [Bars("Longs", (100, 0), (90, 1))], [Bars("Longs", (100, -0.0), (90, 1))], "[]" },
        { "two points at one x: whole", [Bars("Longs", (100, 1), (100, 2), (90, 3))], [Bars("Longs", (100, 1), (100, 5), (90, 3))],
            """[{"id":"Longs","data":[[100,1],[100,5],[90,3]]}]""" },
        { "plain values (a category axis): whole when changed, a NaN sent as a gap",
            [new ChartSeries("Cat", [1.0, 2.0])], [new ChartSeries("Cat", [1.0, double.NaN])], """[{"id":"Cat","data":[1,null]}]""" },
        { "plain values unchanged: nothing", [new ChartSeries("Cat", [1.0, null])], [new ChartSeries("Cat", [1.0, null])], "[]" },
        { "series reordered: replaced", [Longs, Shorts], [Shorts, Longs], null },
        { "a series more: replaced", [Longs], [Longs, Shorts], null },
        { "a series renamed: replaced", [Longs], [Longs with { Name = "Longs · measured", Key = "Longs" }], null },
        { "a series restacked: replaced", [Longs], [Longs with { Stack = "shorts" }], null },
        { "a series with a note per point: replaced (the notes go by index)", [Longs with { Notes = ["a", "b", "c", "d"] }],
            [Longs with { Notes = ["a", "b", "c", "d"] }], null },
    };

    [Theory]
    [MemberData(nameof(Rebuilds))]
    public void Between_EachKindOfRebuild_SendsOnlyWhatChanged(string @case, ChartSeries[] held, ChartSeries[] next, string? expected)
    {
        var patches = SeriesDiff.Between(held, next);

        Assert.True(expected == Json(patches), $"{@case}: {Json(patches)}");
        // Whatever is sent, the browser can parse it: JSON has no NaN or ∞.
        if (patches is not null) using (JsonDocument.Parse(Json(patches)!)) { }
    }

    [Fact]
    public void Between_RandomRebuilds_TheModulesRuleRebuildsTheNewSeriesForNoMoreThanSendingItWhole()
    {
        for (var seed = 0; seed < 2_000; seed++)
        {
            var (held, next) = SeriesPatchCases.Rebuild(seed);
            var patches = SeriesDiff.Between(held, next) ?? throw new Xunit.Sdk.XunitException($"seed {seed}: same series, yet no patch");

            for (var i = 0; i < next.Count; i++)
            {
                var patch = patches.SingleOrDefault(p => p.Id == next[i].Id);
                var after = patch is null ? held[i].Data : SeriesPatchCases.Apply(held[i].Data, patch);
                Assert.True(Same(next[i].Data, after), $"seed {seed}, {next[i].Id}: {Json([patch!])}");
                if (patch is { Data: null })
                {
                    var numbers = 2 * (patch.Set?.Count ?? 0) + (patch.Remove?.Count ?? 0) + 3 * (patch.Insert?.Count ?? 0);
                    Assert.True(numbers < 2 * next[i].Data.Count, $"seed {seed}, {next[i].Id}: {numbers} numbers for {next[i].Data.Count} points");
                }
            }
        }
    }

    private static string? Json(IReadOnlyList<SeriesPatch>? patches) =>
        patches is null ? null : JsonSerializer.Serialize(new ChartPayload(patches), ChartPayloadJson);

    private static readonly JsonSerializerOptions ChartPayloadJson = new(JsonSerializerDefaults.Web);

    private static bool Same(IReadOnlyList<object?> a, IReadOnlyList<object?> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First is double[] x && p.Second is double[] y ? x.SequenceEqual(y) : Equals(p.First, p.Second));
}
