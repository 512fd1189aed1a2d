using FundingWeb.Model;
using Xunit;

namespace FundingWeb.Tests.Components;

[Trait("Category", "Fast")]
public class TimeRangeBoundsTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 30, 15, TimeSpan.Zero);
    private static readonly TimeSpan Retention = TimeSpan.FromDays(400);

    private static TimeRange Custom(string from, string to) => TimeRange.Parse(null, from, to);

    /// <summary>Ranges with nothing inside what history can hold: the default range, with a notice.</summary>
    [Theory]
    [InlineData("0001-01-01T00:00:00Z", "0001-01-02T00:00:00Z")]
    [InlineData("2000-01-01T00:00:00Z", "2014-12-31T00:00:00Z")]
    [InlineData("2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z")]
    [InlineData("2026-06-02T00:00:00Z", "2026-06-03T00:00:00Z")]
    [InlineData("9999-12-30T00:00:00Z", "9999-12-31T23:59:59Z")]
    public void Bound_NothingLeftInsideTheBounds_DefaultWithANotice(string from, string to)
    {
        var (range, notice) = Custom(from, to).Bound(Now, Retention);

        Assert.Equal(TimeRange.Default, range);
        Assert.NotNull(notice);
        Assert.True(notice.AboutRange);
        Assert.Contains("holds no history", notice.Message);
    }

    /// <summary>Ranges reaching past the bounds: held to them, never longer than the retention, with a notice naming the result.</summary>
    [Theory]
    [InlineData("0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z")]
    [InlineData("0001-01-01T00:00:00Z", "2026-06-01T00:00:00Z")]
    [InlineData("2026-05-01T00:00:00Z", "9999-12-31T23:59:59Z")]
    [InlineData("2015-01-01T00:00:00Z", "2026-06-01T00:00:00Z")]
    public void Bound_PastTheBounds_HeldInsideThemAndSaidSo(string from, string to)
    {
        var (range, notice) = Custom(from, to).Bound(Now, Retention);

        Assert.True(range.IsCustom);
        Assert.True(range.From >= Now - Retention, $"from {range.From}");
        Assert.True(range.To <= Now + TimeRange.FutureSlack, $"to {range.To}");
        Assert.True(range.To - range.From <= Retention + TimeRange.FutureSlack);
        Assert.NotNull(notice);
        Assert.Contains(range.Label, notice.Message);
        // The bounded range's own link passes unchanged a moment later: the notice does not follow the user around.
        var again = FundingUrls.Parse(null, null, null, Iso(range.From!.Value), Iso(range.To!.Value), null).Range;
        Assert.Null(again.Bound(Now.AddMinutes(5), Retention).Notice);
    }

    [Theory]
    [InlineData("2026-05-01T00:00:00Z", "2026-05-08T00:00:00Z")]
    [InlineData("2025-05-01T00:00:00Z", "2026-06-01T12:00:00Z")]
    public void Bound_InsideTheBounds_Unchanged(string from, string to)
    {
        var range = Custom(from, to);

        Assert.Equal((range, null), range.Bound(Now, Retention));
    }

    [Fact]
    public void Bound_Presets_Unchanged() =>
        Assert.All(TimeRange.Presets, p => Assert.Equal((p, null), p.Bound(Now, Retention)));

    [Fact]
    public void Bound_RetentionBeyondTheSpanCap_SpanStillCapped()
    {
        var (range, _) = Custom("2015-01-01T00:00:00Z", "2026-06-01T00:00:00Z").Bound(Now, TimeSpan.FromDays(36500));

        Assert.True(range.To - range.From <= TimeRange.MaxSpan);
    }

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
}
