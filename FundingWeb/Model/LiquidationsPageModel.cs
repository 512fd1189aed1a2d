using FundingWeb.Core.Liquidations;
using FundingWeb.Core.Live;
using FundingWeb.Core.OpenInterest;
using FundingWeb.Core.Storage;
using FundingWeb.Model.Charts;

namespace FundingWeb.Model;

/// <summary>
/// The liquidation ladder of one asset: measured where a venue exposes positions, modelled from OI history elsewhere,
/// cumulative from the current price outward (longs below, shorts above), realised liquidations drawn over it.
/// </summary>
public sealed record LiquidationsPageModel(
    ChartSpec Spec, IReadOnlyList<ChartSeries> Series, double Price,
    IReadOnlyList<VenueLadderInfo> Venues, IReadOnlyList<string> Assumptions,
    double LongUsd, double ShortUsd, double RealisedUsd, IReadOnlyList<string> Skipped)
{
    public const int BinCount = 80;
    public const double RangeFraction = 0.3;

    public bool HasMeasured => Venues.Any(v => v.Kind == LadderKind.Measured);
    public bool HasModelled => Venues.Any(v => v.Kind == LadderKind.Modelled);

    /// <summary>
    /// Null when no venue shown has a market for the asset with a price a ladder can be drawn around (positive, finite,
    /// not so near the ends of the double range that its bins collapse): the page then says there is no market yet.
    /// </summary>
    /// <summary>The ladder with modelled levels from <paramref name="oiHistory"/>, through the same model the ladder service uses.</summary>
    public static LiquidationsPageModel? Build(string asset, string? venueFilter, MarketSnapshot snapshot, IReadOnlyList<OpenInterestPoint> oiHistory,
        IReadOnlyList<LiquidationEvent> realised) =>
        Build(asset, venueFilter, snapshot, new Core.Alerts.DelegateLiquidationLevels((venue, quote) =>
        {
            var measured = Core.Alerts.MeasuredLiquidationLevels.Instance.For(venue, quote).ToList();
            return measured.Count > 0 ? measured
                : MarketLiquidationLevels.Model(oiHistory.Where(p => p.Venue == venue.Venue.Id && p.Symbol == quote.Market.Symbol).ToList(), quote.Market);
        }), realised);

    /// <summary>
    /// The ladder from <paramref name="levels"/>: on the page that is <see cref="MarketLiquidationLevels"/>, the one ladder
    /// service the alerts read, so the page and a ladder-proximity alert cannot disagree.
    /// </summary>
    public static LiquidationsPageModel? Build(string asset, string? venueFilter, MarketSnapshot snapshot, Core.Alerts.ILiquidationLevels levels,
        IReadOnlyList<LiquidationEvent> realised)
    {
        var venues = Markets(asset, venueFilter, snapshot);
        if (venues.Count == 0) return null;
        var price = venues.MaxBy(x => OiUsd(x.Quote)).Quote.Price!.Value;
        var binning = LadderBinning.AroundPrice(BinCount, RangeFraction);

        var measured = new List<LadderEntry>();
        var modelled = new List<LadderEntry>();
        var infos = new List<VenueLadderInfo>();
        var skipped = new List<string>();
        IReadOnlyList<string> assumptions = [];
        foreach (var (venue, quote) in venues)
        {
            var positions = venue.Positions.Where(p => p.Symbol == quote.Market.Symbol).ToList();
            if (positions.Count > 0)
            {
                measured.AddRange(positions.Select(LadderEntry.From));
                var coverage = MeasuredCoverage.Compute(positions, quote.OpenInterestUsd);
                infos.Add(new VenueLadderInfo(venue.Venue.Id, venue.Venue.Name, LadderKind.Measured, coverage.LongCoverage, coverage.ShortCoverage, PlausibleOi(quote), positions.Count));
                continue;
            }
            var options = ModelledLadderOptions.For(quote.Market);
            if (ModelledLadder.Problem(options) is { } problem)
            {
                skipped.Add($"{venue.Venue.Name} {quote.Market.Symbol}: no modelled ladder: {problem}");
                continue;
            }
            var lots = levels.For(venue, quote).ToList();
            if (lots.Count == 0) continue;
            modelled.AddRange(lots);
            assumptions = ModelledLadder.Assumptions(options).Describe();
            infos.Add(new VenueLadderInfo(venue.Venue.Id, venue.Venue.Name, LadderKind.Modelled, null, null, PlausibleOi(quote), lots.Count));
        }

        var m = LiquidationLadder.Build(measured, price, binning, LadderKind.Measured);
        var d = LiquidationLadder.Build(modelled, price, binning, LadderKind.Modelled);
        // Measured and modelled notional of one side pile up in each bin (two stacks, longs and shorts), so where a venue of
        // each kind is shown, a bar's height is the side's total and its parts stay readable.
        var series = new List<ChartSeries>();
        if (measured.Count > 0)
        {
            series.Add(Bins("Longs · measured (cumulative)", m.Longs, LongsStack));
            series.Add(Bins("Shorts · measured (cumulative)", m.Shorts, ShortsStack));
        }
        if (modelled.Count > 0)
        {
            series.Add(Bins("Longs · modelled (cumulative)", d.Longs, LongsStack));
            series.Add(Bins("Shorts · modelled (cumulative)", d.Shorts, ShortsStack));
        }
        var low = price * (1 - RangeFraction);
        var high = price * (1 + RangeFraction);
        var realisedInRange = realised.Where(e => e.Price >= low && e.Price <= high && UsdAmount.IsPlausible(e.NotionalUsd)).ToList();
        series.Add(new ChartSeries("Realised liquidations (range)",
            realisedInRange.GroupBy(e => Math.Round(e.Price, 8)).Select(g => (object?)new double[] { g.Key, Math.Round(g.Sum(e => e.NotionalUsd) / 1e6, 4) }).ToList(), "scatter"));

        var colors = new List<string>();
        if (measured.Count > 0) colors.AddRange(["#34d399", "#f87171"]);
        if (modelled.Count > 0) colors.AddRange(["#0f766e", "#b91c1c"]);
        colors.Add("#facc15");
        var spec = new ChartSpec
        {
            Kind = "bar", XType = "numeric", XTitle = "Liquidation price (USD)", XDecimals = price >= 100 ? 0 : price >= 1 ? 2 : 6,
            YTitle = "Cumulative notional, USD M", YUnit = " M", YDecimals = 2, Stacked = false,
            Colors = colors, Height = 380, Markers = 5, FileName = $"liquidation-ladder-{asset}",
            XLines = PriceLine(price), LiveMarkers = true,
        };
        return new LiquidationsPageModel(spec, series, price, infos, assumptions, m.LongUsd + d.LongUsd, m.ShortUsd + d.ShortUsd,
            realisedInRange.Sum(e => e.NotionalUsd), skipped);
    }

    public const string LongsStack = "longs";
    public const string ShortsStack = "shorts";

    /// <summary>The marker a tick moves between rebuilds of the ladder.</summary>
    public static IReadOnlyList<ChartLine> PriceLine(double price) => [new ChartLine(price, "price now")];

    /// <summary>
    /// The price the ladder is drawn around: the price of the shown venue with the most open interest (null when no venue
    /// has a market the ladder can bin). A tick moves the marker to it without rebuilding the ladder.
    /// </summary>
    public static double? PriceNow(string asset, string? venueFilter, MarketSnapshot snapshot) =>
        Markets(asset, venueFilter, snapshot) is { Count: > 0 } venues ? venues.MaxBy(x => OiUsd(x.Quote)).Quote.Price : null;

    private static List<(VenueSnapshot Venue, MarketQuote Quote)> Markets(string asset, string? venueFilter, MarketSnapshot snapshot)
    {
        var binning = LadderBinning.AroundPrice(BinCount, RangeFraction);
        return snapshot.Venues.Values
            .Where(v => venueFilter is null || v.Venue.Id == venueFilter)
            .Select(v => (Venue: v, Quote: v.Markets.Values
                .Where(m => string.Equals(m.Market.BaseAsset, asset, StringComparison.OrdinalIgnoreCase) && m.Price is { } p && LiquidationLadder.CanBin(p, binning))
                .MaxBy(OiUsd)))
            .Where(x => x.Quote is not null)
            .Select(x => (x.Venue, x.Quote!))
            .ToList();
    }

    /// <summary>The venue's market for the asset is the one with the most open interest that is a plausible amount.</summary>
    private static double OiUsd(MarketQuote quote) => PlausibleOi(quote) ?? 0;

    private static double? PlausibleOi(MarketQuote quote) => UsdAmount.IsPlausible(quote.OpenInterestUsd) ? quote.OpenInterestUsd : null;

    /// <summary>
    /// A bin's centre to two digits below its width (a $700 bin of BTC has no use for its cents) and its notional to $1k:
    /// the ladder is sent whole on every rebuild, so its size is what a rebuild costs the circuit.
    /// </summary>
    private static ChartSeries Bins(string name, IReadOnlyList<LadderBin> bins, string stack) =>
        new(name, bins.Select(b => (object?)new double[] { Math.Round((b.Low + b.High) / 2, CentreDigits(b.High - b.Low)), Math.Round(b.CumulativeUsd / 1e6, 3) }).ToList(),
            Stack: stack);

    private static int CentreDigits(double width) =>
        width > 0 && double.IsFinite(width) ? Math.Clamp(2 - (int)Math.Floor(Math.Log10(width)), 0, 15) : 15;
}

/// <param name="LongCoverage">Measured: share of the venue's OI whose long positions are visible; null when modelled.</param>
public sealed record VenueLadderInfo(string VenueId, string Venue, LadderKind Kind, double? LongCoverage, double? ShortCoverage, double? OpenInterestUsd, int Count);
