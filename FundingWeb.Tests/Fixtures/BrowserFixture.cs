using Xunit;
using Microsoft.Playwright;

[assembly: FundingWeb.Tests.Fixtures.CloseBrowserPagesAfterEachTest]

namespace FundingWeb.Tests.Fixtures;

/// <summary>
/// One headless Debian chromium for the browser tests (Playwright's own browser download does not work here).
/// Screenshots go to TestResults/screenshots beside the test binaries.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static string ChromiumPath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium not found at {ChromiumPath}. The README's test command installs it (apt-get install chromium).");
        }
        Directory.CreateDirectory(ScreenshotDirectory);
        // Same patience for assertions as for page actions: a 2-core CI machine can take more than 5 s to load a page.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Current = this;
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        });
    }

    private readonly List<IBrowserContext> _contexts = [];

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 1000 } });
        lock (_contexts) _contexts.Add(context);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return page;
    }

    /// <summary>
    /// Closes every page a test opened. Left open, each keeps its circuit ticking (or its reconnect loop running once the
    /// test's server is gone) for the rest of the run, and the last browser tests ran on a machine at load 40.
    /// </summary>
    internal void CloseContexts()
    {
        IBrowserContext[] open;
        lock (_contexts)
        {
            open = [.. _contexts];
            _contexts.Clear();
        }
        foreach (var context in open)
        {
            try { context.CloseAsync().Wait(TimeSpan.FromSeconds(10)); }
            catch (AggregateException) { } // already closed with its browser, or the browser is gone: nothing left to free
        }
    }

    internal static BrowserFixture? Current { get; private set; }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>
/// After each test of the browser collection (its tests run one at a time), the pages it opened are closed. Registered
/// for the assembly; tests of other collections, which may run alongside, leave the browser alone.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class CloseBrowserPagesAfterEachTestAttribute : Xunit.Sdk.BeforeAfterTestAttribute
{
    public override void After(System.Reflection.MethodInfo methodUnderTest)
    {
        var type = methodUnderTest.DeclaringType;
        if (type is null || BrowserFixture.Current is not { } fixture) return;
        var inBrowserCollection = System.Reflection.CustomAttributeData.GetCustomAttributes(type)
            .Any(a => a.AttributeType == typeof(CollectionAttribute) && (string?)a.ConstructorArguments[0].Value == BrowserCollection.Name);
        if (inBrowserCollection) fixture.CloseContexts();
    }
}
