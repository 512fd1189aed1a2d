using Bunit;
using FundingWeb.Model.Charts;

namespace FundingWeb.Tests.Components;

/// <summary>A chart-module call's argument as the component meant it: chart data travels wrapped in a <see cref="ChartPayload"/>.</summary>
internal static class ChartCallArgs
{
    public static object? Arg(this JSRuntimeInvocation invocation, int index) =>
        invocation.Arguments[index] is ChartPayload payload ? payload.Value : invocation.Arguments[index];
}
