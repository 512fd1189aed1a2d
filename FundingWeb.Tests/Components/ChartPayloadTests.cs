using System.Text.Json;
using FundingWeb.Model.Charts;
using Xunit;

namespace FundingWeb.Tests.Components;

/// <summary>Chart data wrapped for the circuit serialises exactly as the JS runtime's own options would write it unwrapped.</summary>
[Trait("Category", "Fast")]
public sealed class ChartPayloadTests
{
    // The JS runtime's naming: camelCase properties (what charts.js reads).
    private static readonly JsonSerializerOptions Runtime = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, MaxDepth = 32 };

    public static TheoryData<object?> Payloads() => new()
    {
        new ChartSpec { Kind = "bar", XType = "value", YTitle = "USD", FileName = "ladder" },
        (IReadOnlyList<ChartSeries>)[new ChartSeries("Hyperliquid quoted", [new[] { 1.0, 2.5 }, null], Key: "hyperliquid:quoted", Live: true)],
        (IReadOnlyList<ChartSeries>)[],
        (IReadOnlyList<SeriesAppend>)[new SeriesAppend("hyperliquid:quoted", [new[] { 3.0, 4.0 }])],
        new { maxPoints = 2000, windowMs = (double?)null, mergeMs = (double?)60_000, xLines = (IReadOnlyList<ChartLine>?)null },
        null,
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Wrapped_WritesTheSameJsonAsUnwrapped(object? value)
    {
        var unwrapped = JsonSerializer.Serialize(value, value?.GetType() ?? typeof(object), Runtime);
        var wrapped = JsonSerializer.Serialize<object>(new ChartPayload(value), Runtime);

        Assert.Equal(unwrapped, wrapped);
    }

    [Fact]
    public void AsOneOfTheRuntimesArguments_StaysInPlace()
    {
        object?[] args = ["name", new ChartPayload(new ChartSpec { FileName = "f" }), 3];

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(args, Runtime));

        Assert.Equal("f", json.RootElement[1].GetProperty("fileName").GetString());
        Assert.Equal(3, json.RootElement[2].GetInt32());
    }
}
