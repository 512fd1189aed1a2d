using System.Globalization;
using FundingWeb.Model;
using FundingWeb.Model.Charts;
using Microsoft.AspNetCore.Components;

namespace FundingWeb.Components.Controls;

/// <summary>The stress of one load. The chart is the table's margin ratio column per account; its CSV is the whole table.</summary>
public sealed partial class PortfolioResults
{
    private EChart? _chart;
    private IReadOnlyList<ChartSeries> _series = [];
    private PortfolioView? _builtFor;

    private readonly ChartSpec _spec = new()
    {
        XType = "numeric", XTitle = "BTC shock (%)", YTitle = "Margin ratio (equity ÷ requirement)", YDecimals = 2, XDecimals = 0,
        FileName = "portfolio-stress", YLines = [new ChartLine(1, "liquidation")], NoData = "No account to stress",
    };

    [Parameter, EditorRequired] public PortfolioView View { get; set; } = default!;

    [Inject] public required TimeProvider Time { get; init; }

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_builtFor, View)) return;
        _builtFor = View;
        _series = View.RatioSeries();
    }

    private async Task DownloadCsvAsync()
    {
        if (_chart is null) return;
        var header = new Core.Exports.CsvHeader(string.Join("; ", View.AccountNames), "portfolio book", "BTC shock as a fraction; USD",
            "USD; margin ratio = equity / requirement", null, Time.GetUtcNow().ToUnixTimeMilliseconds());
        await _chart.DownloadTextAsync("portfolio-stress.csv", View.Csv(header));
    }

    internal static string Pct(double v) => (v * 100).ToString("+0.0;−0.0;0.0", CultureInfo.InvariantCulture) + " %";

    internal static string Usd(double v) => (v < 0 ? "−$" : "$") + Math.Abs(v).ToString("#,0", CultureInfo.InvariantCulture);

    internal static string Ratio(double? ratio, bool liquidated) =>
        ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) + (liquidated ? " liquidated" : "") : liquidated ? "liquidated" : "–";
}
