using FundingWeb.Core.Depth;
using FundingWeb.Core.Live;
using FundingWeb.Core.Storage;
using FundingWeb.Core.Venues;
using FundingWeb.Core.Venues.Aevo;
using FundingWeb.Core.Venues.Dydx;
using FundingWeb.Core.Venues.Gmx;
using FundingWeb.Core.Venues.Http;
using FundingWeb.Core.Venues.Hyperliquid;
using FundingWeb.Core.Venues.Lighter;
using FundingWeb.Core.Venues.Paradex;
using FundingWeb.Core.Venues.Simulator;
using FundingWeb.Hosting;
using Microsoft.Extensions.Options;

namespace FundingWeb.Polling;

/// <summary>
/// One depth collector per venue of the configured feed: the simulated six, or each enabled live venue on its own HTTP edge
/// whose budget is its share of the venue's published limit (<see cref="DepthBudget"/>), next to the funding poll's.
/// </summary>
public sealed class DepthSourceCatalog
{
    public DepthSourceCatalog(IOptions<FeedOptions> feed, IOptions<DepthOptions> depth, IServiceProvider services, IConfiguration configuration)
    {
        var options = depth.Value;
        var store = services.GetRequiredService<DepthBookStore>();
        var interest = services.GetRequiredService<DepthInterest>();
        var hub = services.GetRequiredService<MarketHub>();
        var repository = services.GetRequiredService<DepthRepository>();
        var time = services.GetRequiredService<TimeProvider>();
        DepthCollector Collector(IDepthSource source, (int Rpm, string? Note) budget) =>
            new(source, budget.Rpm, budget.Note, store, interest, hub, repository, options, time);
        int? Configured(string id) => options.RequestsPerMinute.TryGetValue(id, out var n) ? n : null;

        if (feed.Value.Mode == FeedMode.Simulated)
        {
            var world = services.GetRequiredService<SimulatedWorld>();
            // The simulated venues spend the live default budgets, so the demo rotates like production.
            Collectors = world.Venues.Select(p => Collector(new SimulatedDepthSource(world, p.Info.Id), DepthBudget.For(p.Info.Id, 0, Configured(p.Info.Id)))).ToList();
            return;
        }

        var http = services.GetRequiredService<IHttpClientFactory>();
        var collectors = new List<DepthCollector>();
        foreach (var live in LiveVenues.All.Values)
        {
            var venueOptions = new VenueOptions();
            configuration.GetSection($"Venues:{live.Id}").Bind(venueOptions);
            if (!venueOptions.Enabled) continue;
            // Hyperliquid's reference feed spends the same weight per request as its funding poll, from the same limit.
            var fundingRequests = venueOptions.RequestsPerMinute
                + (live.Id == VenueIds.Hyperliquid && ReferenceSources.Enabled(configuration) ? services.GetRequiredService<ReferenceOptions>().RequestsPerMinute : 0);
            var budget = DepthBudget.For(live.Id, fundingRequests, Configured(live.Id));
            var edge = new VenueHttp(http.CreateClient(LiveVenues.HttpClientName), new VenueOptions
            {
                BaseUrl = string.IsNullOrWhiteSpace(venueOptions.BaseUrl) ? live.DefaultBaseUrl : venueOptions.BaseUrl,
                RequestTimeout = venueOptions.RequestTimeout,
                RequestsPerMinute = Math.Max(1, budget.RequestsPerMinute),
            }, time);
            IDepthSource source = live.Id switch
            {
                VenueIds.Hyperliquid => new HyperliquidDepthSource(edge, time),
                VenueIds.Dydx => new DydxDepthSource(edge, time),
                VenueIds.Paradex => new ParadexDepthSource(edge, time, options.BookLevels),
                VenueIds.Lighter => new LighterDepthSource(edge, time, options.BookLevels),
                VenueIds.Aevo => new AevoDepthSource(edge, time),
                VenueIds.Gmx => new GmxDepthSource(edge, time),
                _ => throw new InvalidOperationException($"No depth source for venue '{live.Id}'."),
            };
            collectors.Add(Collector(source, budget));
        }
        Collectors = collectors;
    }

    public IReadOnlyList<DepthCollector> Collectors { get; }
}
