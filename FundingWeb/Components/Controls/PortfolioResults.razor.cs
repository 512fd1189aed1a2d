using System.Globalization;
using FundingWeb.Model;
using FundingWeb.Model.Charts;
using Microsoft.AspNetCore.Components;

namespace FundingWeb.Components.Controls;

/// <summary>
/// The stress at the latest tick. The page hands a new view by <see cref="Show"/> without rendering itself; this renders
/// only itself (the diff carries the cells that moved), and the chart, the table's margin ratio column per account, gets
/// new data only when a ratio moved. Its CSV is the whole table.
/// </summary>
public sealed partial class PortfolioResults
{
    private EChart? _chart;
    private IReadOnlyList<ChartSeries> _series = [];
    private PortfolioView? _builtFor;
    private PortfolioView? _shown;

    private PortfolioView V => _shown ?? View;

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
        Use(View);
    }

    /// <summary>A live tick's view (the page calls it when the view changed).</summary>
    public void Show(PortfolioView view)
    {
        Use(view);
        StateHasChanged();
    }

    private void Use(PortfolioView view)
    {
        var ratiosMoved = _shown is null || !Ratios(_shown).SequenceEqual(Ratios(view));
        _shown = view;
        // The chart is sent data only when what it draws moved; the same series object tells it nothing changed.
        if (ratiosMoved) _series = view.RatioSeries();
    }

    private static IEnumerable<(string, double, double?)> Ratios(PortfolioView view) => view.Rows.Select(r => (r.Account, r.Shock, r.MarginRatio));

    private async Task DownloadCsvAsync()
    {
        if (_chart is null) return;
        var header = new Core.Exports.CsvHeader(string.Join("; ", V.AccountNames), "portfolio book", "BTC shock as a fraction; USD",
            "USD; margin ratio = equity / requirement", null, Time.GetUtcNow().ToUnixTimeMilliseconds());
        await _chart.DownloadTextAsync("portfolio-stress.csv", V.Csv(header));
    }

    internal static string Pct(double v) => (v * 100).ToString("+0.0;−0.0;0.0", CultureInfo.InvariantCulture) + " %";

    internal static string Usd(double v) => (v < 0 ? "−$" : "$") + Math.Abs(v).ToString("#,0", CultureInfo.InvariantCulture);

    internal static string Ratio(double? ratio, bool liquidated) =>
        ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) + (liquidated ? " liquidated" : "") : liquidated ? "liquidated" : "–";
}
