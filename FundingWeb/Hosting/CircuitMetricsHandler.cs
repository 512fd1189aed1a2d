using FundingWeb.Core.Telemetry;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace FundingWeb.Hosting;

/// <summary>Counts open circuits for <c>fundingweb.circuits.open</c> and for tests (<see cref="Open"/>).</summary>
public sealed class CircuitMetricsHandler : CircuitHandler
{
    private int _open;

    public int Open => Volatile.Read(ref _open);

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _open);
        FundingMetrics.CircuitsOpen.Add(1);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Decrement(ref _open);
        FundingMetrics.CircuitsOpen.Add(-1);
        return Task.CompletedTask;
    }
}
