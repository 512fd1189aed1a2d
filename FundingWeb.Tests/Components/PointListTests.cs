using System.Text.Json;
using FundingWeb.Model.Charts;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>A compact series reads, serialises and exports exactly as the list of [x, y] arrays it replaces.</summary>
[Trait("Category", "Fast")]
public sealed class PointListTests
{
    public static TheoryData<double[]> Ys => new()
    {
        Array.Empty<double>(),
        new[] { 1.5 },
        new[] { 0d, -0.25, 1e-12, 123456.789 },
        new[] { double.NaN, 2, double.PositiveInfinity, 3, double.NegativeInfinity },
    };

    [Theory]
    [MemberData(nameof(Ys))]
    public void FromPoints_ReadsAndSerialisesAsTheListOfArrays_DroppingNonFinite(double[] ys)
    {
        var points = ys.Select((y, i) => (X: 1_700_000_000_000L + i * 3_600_000L, Y: y)).ToList();
        var compact = ChartSeries.FromPoints("A", points) with { Key = "a" };
        var listed = new ChartSeries("A", points.Select(p => (object?)new double[] { p.X, p.Y }).ToList(), Key: "a");

        Assert.IsType<PointList>(compact.Data);
        Assert.Equal(listed.Data.Cast<double[]>(), compact.Data.Cast<double[]>());
        Assert.Equal(listed.Data.Count, compact.Data.Count);
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Assert.Equal(JsonSerializer.Serialize(listed, options), JsonSerializer.Serialize(compact, options));
        // Each read is the reader's own array: changing it changes nothing held.
        if (compact.Data.Count > 0)
        {
            ((double[])compact.Data[0]!)[1] = 99;
            Assert.NotEqual(99, ((double[])compact.Data[0]!)[1]);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => compact.Data[compact.Data.Count]);
        Assert.Throws<ArgumentOutOfRangeException>(() => compact.Data[-1]);
    }
}
