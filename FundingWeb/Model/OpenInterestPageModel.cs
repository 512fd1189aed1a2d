using FundingWeb.Core.Charts;
using FundingWeb.Core.Live;
using FundingWeb.Core.OpenInterest;
using FundingWeb.Core.Storage;
using FundingWeb.Model.Charts;

namespace FundingWeb.Model;

/// <summary>
/// The Open interest page for one asset: OI by venue over time (stacked), HHI over time, and current shares. Both charts
/// are bucketed on UTC boundaries (<see cref="BucketMs"/>, <see cref="HhiBucketMs"/>), so a live tick fills the current
/// bucket of each (<see cref="LiveStack"/>, <see cref="LiveHhi"/>) and starts the next one when the clock gets there.
/// </summary>
public sealed record OpenInterestPageModel(
    ChartSpec StackSpec, IReadOnlyList<ChartSeries> Stack,
    ChartSpec HhiSpec, IReadOnlyList<ChartSeries> Hhi,
    OpenInterestBreakdown Breakdown,
    IReadOnlyDictionary<string, string> VenueNames,
    long BucketMs, long HhiBucketMs, IReadOnlyList<string> StackVenues)
{
    private const long HourMs = 3_600_000;
    public const string HhiKey = "hhi";

    public static string StackKey(string venue) => "oi:" + venue;

    public static OpenInterestPageModel Build(string asset, ViewState state, IReadOnlyList<OpenInterestPoint> history, MarketSnapshot snapshot, long fromMs, long nowMs)
    {
        var names = snapshot.Venues.Values.ToDictionary(v => v.Venue.Id, v => v.Venue.Name);
        var samples = Samples(asset, state, history, snapshot);
        var venues = samples.Select(s => s.Venue).Distinct().Order(StringComparer.Ordinal).ToList();

        // Buckets wide enough for ≤ 2,000 points and aligned across venues, so the stack adds up at every x.
        var bucket = Math.Max(HourMs, (nowMs - fromMs) / ChartSeries.MaxPoints / HourMs * HourMs + HourMs);
        var firstBucket = fromMs / bucket * bucket;
        var stack = venues.Select(v => new ChartSeries(names.GetValueOrDefault(v, v), Bucketed(samples.Where(s => s.Venue == v).ToList(), firstBucket, nowMs, bucket), Key: StackKey(v), Live: true)).ToList();
        var stackSpec = new ChartSpec
        {
            Kind = "area", Stacked = true, YTitle = "OI, USD M", YUnit = " M", YDecimals = 1, XTitle = "Time (UTC)",
            Colors = venues.Select(VenueColors.For).ToList(), FileName = $"open-interest-{asset}-{state.Range.Token}", Height = 330, StrokeWidth = 1,
        };

        // Hourly HHI as the product defines it; a custom range of many years gets the stack's wider buckets instead.
        var hhiBucket = (nowMs - fromMs) / HourMs < OpenInterestConcentration.MaxSeriesBuckets / 2 ? HourMs : bucket;
        var hhiPoints = OpenInterestConcentration.HhiSeries(samples, fromMs, Math.Max(fromMs, nowMs), hhiBucket)
            .Where(p => p.Hhi is not null).Select(p => new ChartPoint(p.BucketStartMs, Math.Round(p.Hhi!.Value, 4))).ToList();
        var hhi = new[] { ChartSeries.FromPoints("HHI (1 = all OI on one venue)", Lttb.Downsample(hhiPoints, ChartSeries.MaxPoints).Select(p => (p.X, p.Y))) with { Key = HhiKey, Live = true } };
        var hhiSpec = new ChartSpec
        {
            Kind = "line", YTitle = "HHI = Σ share² (unitless)", YDecimals = 3, XTitle = "Time (UTC)", Colors = ["#e879f9"],
            FileName = $"oi-hhi-{asset}-{state.Range.Token}", Height = 260,
        };
        return new OpenInterestPageModel(stackSpec, stack, hhiSpec, hhi, OpenInterestConcentration.At(asset, samples, nowMs), names, bucket, hhiBucket, venues);
    }

    /// <summary>
    /// The stack's current bucket for every venue drawn, so the areas stay aligned point for point (the chart stacks by
    /// index): a venue's live value, else its last value carried forward at most two buckets (as history is), else 0.
    /// </summary>
    /// <param name="drawn">What the chart holds now (<c>EChart.Drawn</c>): where a carried value comes from.</param>
    public IReadOnlyList<SeriesAppend> LiveStack(MarketSnapshot snapshot, string asset, ViewState state, IReadOnlyList<ChartSeries> drawn, long nowMs)
    {
        var live = LiveSamples(snapshot, asset, state).ToDictionary(s => s.Venue, s => s.Usd, StringComparer.Ordinal);
        var at = FloorBucket(nowMs, BucketMs);
        var appends = new List<SeriesAppend>();
        foreach (var venue in StackVenues)
        {
            double value;
            if (live.TryGetValue(venue, out var usd)) value = Math.Round(usd / 1e6, 3);
            else if (drawn.FirstOrDefault(s => s.Id == StackKey(venue))?.Data is [.., double[] { Length: >= 2 } last] && at - last[0] <= 2 * BucketMs) value = last[1];
            else value = 0;
            appends.Add(new SeriesAppend(StackKey(venue), [[at, value]]));
        }
        return appends;
    }

    /// <summary>The HHI chart's current bucket from the live shares, or nothing when there is no total to share.</summary>
    public IReadOnlyList<SeriesAppend> LiveHhi(OpenInterestBreakdown live, long nowMs) =>
        live.Hhi is { } h && double.IsFinite(h) ? [new SeriesAppend(HhiKey, [[FloorBucket(nowMs, HhiBucketMs), Math.Round(h, 4)]])] : [];

    /// <summary>What the live numbers need of the loaded history: the last 25 hours (the 24h change and its margin).</summary>
    public static IReadOnlyList<OpenInterestPoint> Recent(IReadOnlyList<OpenInterestPoint> history, long nowMs) =>
        history.Where(p => p.TimeMs >= nowMs - 25 * HourMs).ToList();

    private static long FloorBucket(long ms, long bucket) => (ms >= 0 ? ms / bucket : (ms - bucket + 1) / bucket) * bucket;

    /// <summary>Shares and changes now: what a live tick recomputes (the charts keep their loaded history).</summary>
    public static OpenInterestBreakdown LiveBreakdown(string asset, ViewState state, IReadOnlyList<OpenInterestPoint> history, MarketSnapshot snapshot, long nowMs) =>
        OpenInterestConcentration.At(asset, Samples(asset, state, history, snapshot), nowMs);

    private static List<OpenInterestSample> Samples(string asset, ViewState state, IReadOnlyList<OpenInterestPoint> history, MarketSnapshot snapshot)
    {
        // One market per venue (the largest), as on the Funding page. Rows whose USD is not a plausible amount are
        // garbage (UsdAmount) and count nowhere: not in the stack, the HHI or the shares.
        var usable = history.Where(p => UsdAmount.IsPlausible(p.Usd)).ToList();
        var primary = usable.GroupBy(p => p.Venue).ToDictionary(g => g.Key, g => g.GroupBy(p => p.Symbol).MaxBy(s => s.Count())!.Key);
        return usable.Where(p => state.Shows(p.Venue) && primary[p.Venue] == p.Symbol)
            .Select(p => new OpenInterestSample(p.Venue, p.TimeMs, p.Usd, p.LongUsd, p.ShortUsd))
            .Concat(LiveSamples(snapshot, asset, state))
            .OrderBy(s => s.TimeMs)
            .ToList();
    }

    private static IEnumerable<OpenInterestSample> LiveSamples(MarketSnapshot snapshot, string asset, ViewState state) =>
        snapshot.Venues.Values.Where(v => state.Shows(v.Venue.Id))
            .Select(v => (Venue: v.Venue.Id, Quote: v.Markets.Values
                .Where(m => string.Equals(m.Market.BaseAsset, asset, StringComparison.OrdinalIgnoreCase) && UsdAmount.IsPlausible(m.OpenInterestUsd))
                .MaxBy(m => m.OpenInterestUsd!.Value)))
            .Where(x => x.Quote is not null)
            .Select(x => new OpenInterestSample(x.Venue, x.Quote!.TimeMs, x.Quote.OpenInterestUsd!.Value, x.Quote.OpenInterestLongUsd, x.Quote.OpenInterestShortUsd));

    /// <summary>Last value in each bucket, carried forward at most two buckets (then the venue drops out as 0).</summary>
    private static List<object?> Bucketed(IReadOnlyList<OpenInterestSample> samples, long firstBucket, long nowMs, long bucket)
    {
        var data = new List<object?>();
        var i = 0;
        double? last = null;
        var carried = 0;
        for (var t = firstBucket; t <= nowMs; t += bucket)
        {
            double? value = null;
            while (i < samples.Count && samples[i].TimeMs < t + bucket) value = samples[i++].Usd;
            if (value is not null) { last = value; carried = 0; }
            else if (last is not null && carried < 2) { value = last; carried++; }
            data.Add(new double[] { t, Math.Round((value ?? 0) / 1e6, 3) });
        }
        return data;
    }
}
