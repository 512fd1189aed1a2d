using FundingWeb.Core.Venues;
using Xunit;

namespace FundingWeb.Tests.Core.Venues;

/// <summary>The one place a failed history page becomes a gap: what fails, what is recorded, what propagates.</summary>
[Trait("Category", "Fast")]
public sealed class HistoryPagesTests
{
    public static TheoryData<string, Exception, string, bool> Failures => new()
    {
        // case, what the page read throws, the reason recorded, whether further pages should stop (429)
        { "venue error", new VenueException("HTTP 500 Internal Server Error from /x"), "HTTP 500", false },
        { "rate limited", new VenueRateLimitedException(TimeSpan.FromSeconds(3)), "429", true },
        { "wrong body shape", new FormatException("field 'time' is missing"), "unreadable page: field 'time' is missing", false },
        { "element of the wrong kind", new InvalidOperationException("The requested operation requires an element of type 'Array'"), "unreadable page", false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task ReadAsync_PageFails_RecordsTheUnreadStretchWithTheReason(string scenario, Exception failure, string reason, bool rateLimited)
    {
        var pages = new HistoryPages();

        var page = await pages.ReadAsync<List<int>>(() => throw failure, 1_000, 9_000);

        Assert.Null(page);
        var gap = Assert.Single(pages.Gaps);
        Assert.Equal((1_000L, 9_000L), (gap.FromMs, gap.ToMs));
        Assert.Contains(reason, gap.Reason);
        Assert.True(rateLimited == pages.RateLimited, scenario);
    }

    [Fact]
    public async Task ReadAsync_PageArrives_ReturnsItAndRecordsNothing()
    {
        var pages = new HistoryPages();

        var page = await pages.ReadAsync(() => Task.FromResult(new List<int> { 1, 2 }), 0, 10);

        Assert.Equal([1, 2], page);
        Assert.Empty(pages.Gaps);
    }

    [Fact]
    public async Task ReadAsync_Cancelled_PropagatesAndRecordsNothing()
    {
        var pages = new HistoryPages();

        await Assert.ThrowsAsync<OperationCanceledException>(() => pages.ReadAsync<List<int>>(() => throw new OperationCanceledException(), 0, 10));

        Assert.Empty(pages.Gaps);
    }

    [Fact]
    public void Record_SeveralStretches_OldestFirstAndEmptyOnesIgnored()
    {
        var pages = new HistoryPages();

        pages.Record(5_000, 6_000, "b");
        pages.Record(1_000, 2_000, "a");
        pages.Record(9_000, 8_000, "inverted");

        Assert.Equal(["a", "b"], pages.Gaps.Select(g => g.Reason));
    }
}
