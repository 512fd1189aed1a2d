using FundingWeb.Core.Charts;
using FundingWeb.Core.Funding;
using FundingWeb.Core.Live;
using FundingWeb.Core.Storage;
using FundingWeb.Model.Charts;

namespace FundingWeb.Model;

/// <summary>
/// Everything the Funding page draws for one asset, built from history rows without rendering:
/// quoted and settled history, term structure, and realised vs quoted (funding slippage) over a window.
/// <c>settled</c> may start before <c>fromMs</c> (the term structure and slippage need a longer look back); the
/// history chart shows only the range.
/// </summary>
public sealed record FundingPageModel(
    ChartSpec HistorySpec, IReadOnlyList<ChartSeries> History,
    ChartSpec TermSpec, IReadOnlyList<ChartSeries> Term,
    ChartSpec SlippageSpec, IReadOnlyList<ChartSeries> Slippage,
    IReadOnlyList<SlippageRow> SlippageTable,
    IReadOnlyList<string> VenueOrder,
    ImplausibleSummary Implausible,
    IReadOnlyList<string>? ReferenceOrder = null)
{
    /// <summary>Most implausible rows a view reads for its markers (the newest).</summary>
    public const int MaxImplausible = 500;

    public static IReadOnlyList<FundingWindow> SlippageWindows { get; } = [new("8h", 8), new("24h", 24), new("7d", 168)];

    public static FundingWindow SlippageWindow(string? token) =>
        SlippageWindows.FirstOrDefault(w => string.Equals(w.Label, token, StringComparison.OrdinalIgnoreCase)) ?? SlippageWindows[1];

    /// <param name="implausible">Rows not trusted (<see cref="HistoryQueries.GetImplausibleFundingAsync"/>, at most
    /// <see cref="MaxImplausible"/>): markers on the history chart, never points of a line.</param>
    /// <param name="references">CEX reference rows (<see cref="HistoryQueries.GetReferenceRatesAsync"/>): dotted lines of their own,
    /// never venues, so never in the term structure or the slippage chart.</param>
    public static FundingPageModel Build(string asset, ViewState state, IReadOnlyList<FundingPoint> settled, IReadOnlyList<FundingPoint> quoted,
        IReadOnlyDictionary<string, string> venueNames, long fromMs, long nowMs, IReadOnlyList<FundingPoint>? implausible = null,
        IReadOnlyList<Core.Reference.ReferenceQuote>? references = null)
    {
        var basis = state.Basis;
        // One market per venue: where a venue lists the asset twice (GMX pools), the one with the most history.
        var primary = settled.Concat(quoted).GroupBy(p => p.Venue)
            .ToDictionary(g => g.Key, g => g.GroupBy(p => p.Symbol).MaxBy(s => s.Count())!.Key);
        // In time order whatever the reader handed over: the downsampler and the calculators need it.
        settled = settled.Where(p => primary[p.Venue] == p.Symbol).OrderBy(p => p.TimeMs).ToList();
        quoted = quoted.Where(p => primary[p.Venue] == p.Symbol).OrderBy(p => p.TimeMs).ToList();
        var venues = venueNames.Keys.Where(state.Shows).Where(v => settled.Any(p => p.Venue == v) || quoted.Any(p => p.Venue == v)).Order(StringComparer.Ordinal).ToList();
        string Name(string v) => venueNames.GetValueOrDefault(v, v);

        var history = new List<ChartSeries>();
        var colors = new List<string>();
        var dashes = new List<int>();
        foreach (var venue in venues)
        {
            history.Add(Series($"{Name(venue)} settled", settled.Where(p => p.Venue == venue && p.TimeMs >= fromMs), basis) with { Meta = Meta(Name(venue), settled, venue, basis), Key = SettledKey(venue) });
            history.Add(Series($"{Name(venue)} quoted", quoted.Where(p => p.Venue == venue), basis) with { Meta = Meta(Name(venue), quoted, venue, basis), Key = QuotedKey(venue), Live = true });
            colors.Add(VenueColors.For(venue));
            colors.Add(VenueColors.For(venue));
            dashes.Add(0);
            dashes.Add(4);
        }
        var referenceLines = ReferenceSeries.Build(asset, references ?? [], basis);
        foreach (var (exchange, line) in referenceLines)
        {
            history.Add(line);
            colors.Add(ReferenceSeries.Color(exchange));
            dashes.Add(ReferenceSeries.Dash);
        }
        var (markers, implausibleSummary) = FundingMarkers.Build(implausible ?? [], state, venueNames, primary, fromMs, nowMs, MaxImplausible);
        if (markers is not null)
        {
            history.Add(markers);
            colors.Add(FundingMarkers.Color);
            dashes.Add(0);
        }
        var historySpec = new ChartSpec
        {
            Kind = "line", YTitle = BasisDisplay.AxisTitle(basis), YUnit = "%", YDecimals = BasisDisplay.Decimals(basis), XTitle = "Time (UTC)",
            Colors = colors, DashArray = dashes, FileName = $"funding-{asset}-{state.Range.Token}", Height = 340, SharedTooltip = false,
            YLines = [new ChartLine(0, "0: above, longs pay shorts")],
        };

        var settledRates = settled.Where(p => venues.Contains(p.Venue)).Select(p => ToRate(p, FundingKind.Settled)).ToList();
        var curves = TermStructure.PerVenue(settledRates, nowMs);
        var term = venues.Select(v => curves.FirstOrDefault(c => c.Venue == v) is { } curve
                ? new ChartSeries(Name(v), curve.Points.Select(p => p.AverageRate1h is { } r ? (object?)Math.Round(BasisDisplay.Percent(r, basis), 6) : null).ToList())
                : null)
            .OfType<ChartSeries>().ToList();
        var termSpec = new ChartSpec
        {
            Kind = "line", XType = "category", Categories = TermStructure.Windows.Select(w => w.Label).ToList(), Markers = 5,
            XTitle = "Averaging window of settled funding, ending now", YTitle = BasisDisplay.AxisTitle(basis), YUnit = "%", YDecimals = BasisDisplay.Decimals(basis),
            Colors = venues.Where(v => curves.Any(c => c.Venue == v)).Select(VenueColors.For).ToList(), FileName = $"term-structure-{asset}", Height = 300,
        };

        var window = SlippageWindow(state.Window);
        var starts = FundingSlippage.Starts(fromMs, nowMs - window.Milliseconds, SlippageStep(fromMs, nowMs));
        var slippage = new List<ChartSeries>();
        var table = new List<SlippageRow>();
        foreach (var venue in venues)
        {
            var rows = settledRates.Where(r => r.Venue == venue).Concat(quoted.Where(p => p.Venue == venue).Select(p => ToRate(p, FundingKind.Quoted))).ToList();
            // Only starts whose window can hold this venue's settlements: a year's range over a week of history computes a week.
            var settledTimes = rows.Where(r => r.Kind == FundingKind.Settled).Select(r => r.TimeMs).ToList();
            var (first, last) = settledTimes.Count == 0 ? (0L, -1L) : (settledTimes.Min(), settledTimes.Max());
            var reach = starts.Where(t => t <= last && t >= first - window.Milliseconds);
            var points = FundingSlippage.Rolling(rows, reach, window.Hours).Where(p => p.SlippageApr is not null && p.IsFullyCovered).ToList();
            slippage.Add(ChartSeries.FromPoints(Name(venue), Lttb.Downsample(points.Select(p => new ChartPoint(p.StartMs, Math.Round(p.SlippageApr!.Value * 100, 4))).ToList(), ChartSeries.MaxPoints).Select(p => (p.X, p.Y))));
            var distribution = FundingSlippage.Distribution(points);
            table.Add(new SlippageRow(venue, Name(venue), distribution.Count,
                Mean(points.Select(p => p.QuotedApr!.Value)), Mean(points.Select(p => p.RealisedApr!.Value)),
                distribution.P5, distribution.P50, distribution.P95));
        }
        var slippageSpec = new ChartSpec
        {
            Kind = "line", YTitle = "Slippage, % APR", YUnit = "%", YDecimals = 2, XTitle = "Window start (UTC)",
            Colors = venues.Select(VenueColors.For).ToList(), FileName = $"funding-slippage-{asset}-{window.Label}", Height = 300, SharedTooltip = false,
            YLines = [new ChartLine(0, "carry held as quoted")],
            NoData = $"No complete {window.Label} window in this range: choose a longer range or a shorter window",
        };
        return new FundingPageModel(historySpec, history, termSpec, term, slippageSpec, slippage, table, venues, implausibleSummary,
            referenceLines.Select(l => l.Exchange).ToList());
    }

    /// <summary>The stable ids live ticks append to.</summary>
    public static string QuotedKey(string venue) => venue + ":quoted";

    public static string SettledKey(string venue) => venue + ":settled";

    /// <summary>Most window starts the slippage chart computes: a long custom range steps in whole hours past one an hour.</summary>
    public const int MaxSlippageStarts = 10_000;

    private static long SlippageStep(long fromMs, long toMs)
    {
        const long hourMs = 3_600_000;
        var hours = Math.Max(0, (toMs - fromMs) / hourMs);
        return hourMs * Math.Max(1, (hours + MaxSlippageStarts - 1) / MaxSlippageStarts);
    }

    /// <summary>The mean, or null when there is nothing to average or the sum overflows.</summary>
    private static double? Mean(IEnumerable<double> values)
    {
        var list = values.ToList();
        if (list.Count == 0) return null;
        var mean = list.Average();
        return double.IsFinite(mean) ? mean : null;
    }

    /// <summary>
    /// Live points closer than this to the one before the newest replace the newest: one point per bucket of the range
    /// (like the quoted history, averaged into buckets), while the newest still moves with every quote.
    /// </summary>
    public static TimeSpan? LiveMerge(TimeRange range) => range.Length is { } length ? length / ChartSeries.MaxPoints : null;

    /// <summary>A live point for a venue's quoted series, in the page's basis ([x, y] like every other point).</summary>
    public static double[] LivePoint(FundingQuote quote, RateBasis basis) => [quote.TimeMs, Math.Round(BasisDisplay.Percent(quote.Rate1h, basis), 6)];

    private static ChartSeries Series(string name, IEnumerable<FundingPoint> points, RateBasis basis)
    {
        var list = points.Select(p => new ChartPoint(p.TimeMs, Math.Round(BasisDisplay.Percent(p.Rate1h, basis), 6))).ToList();
        return ChartSeries.FromPoints(name, Lttb.Downsample(list, ChartSeries.MaxPoints).Select(p => (p.X, p.Y)));
    }

    /// <summary>
    /// The market and convention behind a series. Points are rate_1h at the basis in percent; the raw value is
    /// rate_1h × interval (in the stored unit, a fraction here: history rows keep rate_1h and interval), so a displayed
    /// value converts back by a constant, except for compounded APY.
    /// </summary>
    private static SeriesMeta? Meta(string venueName, IReadOnlyList<FundingPoint> rows, string venue, RateBasis basis)
    {
        var sample = rows.LastOrDefault(p => p.Venue == venue);
        // The tooltip's convention goes to the browser as JSON, which has no NaN: an interval that is not a number has none.
        if (sample is null || !double.IsFinite(sample.IntervalHours) || !(sample.IntervalHours > 0)) return null;
        double? perDisplayed = basis == RateBasis.AprCompounded ? null : sample.IntervalHours / (FundingBasis.FromRate1h(1, basis) * 100);
        return new SeriesMeta(venueName, sample.Symbol, "fraction", sample.IntervalHours, perDisplayed);
    }

    private static FundingRate ToRate(FundingPoint p, FundingKind kind) =>
        new(p.Venue, p.Symbol, p.TimeMs, kind, FundingLeg.Net, p.Rate1h * p.IntervalHours, p.IntervalHours, RateUnit.Fraction, p.Rate1h);
}

/// <param name="MeanQuotedApr">Average quoted APR at window starts (fraction).</param>
/// <param name="MeanRealisedApr">Average realised APR over the windows (fraction).</param>
public sealed record SlippageRow(string VenueId, string Venue, int Windows, double? MeanQuotedApr, double? MeanRealisedApr, double? P5, double? P50, double? P95);
