using Bunit;
using FundingWeb.Components;
using FundingWeb.Core.Live;
using FundingWeb.Core.Storage;
using FundingWeb.Model;
using FundingWeb.Model.Charts;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace FundingWeb.Tests.Components.Pages;

/// <summary>
/// A chart page over the real history services on a seeded SQLite file (<see cref="ChartPageWorld"/>), the real hub on a
/// manual clock, and our chart module answered strictly. A tick is a published snapshot plus the clock moving past the
/// page's one-update-a-second throttle.
/// </summary>
public abstract class ChartPageContext : DashboardContext, IAsyncLifetime
{
    protected ChartPageContext()
    {
        World = new ChartPageWorld(Time.GetUtcNow());
        Services.AddSingleton(new HistoryQueries(World.Database.Factory));
        Services.AddSingleton(Options.Create(new StorageOptions()));
        // The one ladder service the Liquidations page (and alerts) read, over the same history and hub.
        Services.AddSingleton(sp => new FundingWeb.Core.Liquidations.MarketLiquidationLevels(sp.GetRequiredService<HistoryQueries>(), Hub, Time));
        Hub.Publish(_ => World.Snapshot());
    }

    protected ChartPageWorld World { get; }

    Task IAsyncLifetime.InitializeAsync() => World.SeedAsync();

    /// <summary>
    /// MudBlazor's services only dispose asynchronously, and xUnit disposes a test class synchronously after this: the
    /// context is disposed here first (its synchronous dispose then has nothing left to do).
    /// </summary>
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        World.Dispose();
    }

    /// <summary>The page at <paramref name="url"/>, as a pasted link opens it, once its history is loaded and its charts created.</summary>
    protected IRenderedComponent<TPage> Open<TPage>(string url, int charts) where TPage : IComponent
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        var cut = Render<TPage>();
        cut.WaitForAssertion(() => Assert.Equal(charts, ChartCalls("create").Count), TimeSpan.FromSeconds(10));
        return cut;
    }

    /// <summary>The same page inside a shared link: the state comes from the link, never from the URL.</summary>
    protected IRenderedComponent<CascadingValue<ShareContext>> OpenShared<TPage>(ViewState state, int charts) where TPage : IComponent
    {
        var cut = Render<CascadingValue<ShareContext>>(p => p
            .Add(c => c.Value, new ShareContext(state, "desk view"))
            .AddChildContent<TPage>());
        cut.WaitForAssertion(() => Assert.Equal(charts, ChartCalls("create").Count), TimeSpan.FromSeconds(10));
        return cut;
    }

    /// <summary>
    /// How often the page itself rendered, seen through its toolbar: a child that renders with every render of the page
    /// (its parameters are objects), and never on its own during a tick apart from its as-of stamp.
    /// </summary>
    protected static int PageRenders(IRenderedComponent<IComponent> cut)
    {
        // bUnit counts a component's render whenever its subtree re-renders: the as-of stamp inside the toolbar re-renders
        // alone on each tick by design, so its own renders (after the first) are taken out.
        var toolbar = cut.FindComponent<FundingWeb.Components.Controls.ViewToolbar>();
        var stamps = toolbar.FindComponents<FundingWeb.Components.Controls.AsOfStamp>();
        return toolbar.RenderCount - stamps.Sum(s => s.RenderCount - 1);
    }

    /// <summary>A live tick: the snapshot goes into the hub and the clock moves past the page's throttle.</summary>
    protected void Tick(MarketSnapshot snapshot)
    {
        Hub.Publish(_ => snapshot);
        Time.Advance(TimeSpan.FromSeconds(1.1));
    }

    /// <summary>The spec and series a chart was created with, found by its file name (unique per chart on a page).</summary>
    protected (ChartSpec Spec, IReadOnlyList<ChartSeries> Series) Created(string fileNameStart)
    {
        var call = ChartCalls("create").Last(c => c.Arg(1) is ChartSpec { FileName: { } f } && f.StartsWith(fileNameStart, StringComparison.Ordinal));
        return ((ChartSpec)call.Arg(1)!, Assert.IsAssignableFrom<IReadOnlyList<ChartSeries>>(call.Arg(2)));
    }

    /// <summary>A property of the options object sent with an append (window, merge, ...), by its JSON name.</summary>
    protected static object? Option(object options, string name) =>
        options.GetType().GetProperty(name, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.IgnoreCase)?.GetValue(options);

    /// <summary>Everything sent to the chart module's append, in order: the appends and the options object.</summary>
    protected IReadOnlyList<(IReadOnlyList<SeriesAppend> Appends, object Options)> Appended() =>
        ChartCalls("append").Select(c => (Assert.IsAssignableFrom<IReadOnlyList<SeriesAppend>>(c.Arg(1)), c.Arg(2)!)).ToList();
}
