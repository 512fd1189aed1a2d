using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FundingWeb.Core.Regimes;

/// <summary>Keeps <see cref="FundingRegimeService"/> current: once at start, then every <see cref="Every"/>. A failed refresh is logged and the last regimes stay.</summary>
public sealed class FundingRegimeRefresher(FundingRegimeService regimes, TimeProvider time, ILogger<FundingRegimeRefresher> logger) : BackgroundService
{
    public static TimeSpan Every { get; } = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        do
        {
            try
            {
                await regimes.RefreshAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Funding regimes not refreshed; the last ones stay");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
