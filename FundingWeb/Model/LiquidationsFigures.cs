using FundingWeb.Core.Liquidations;

namespace FundingWeb.Model;

/// <summary>The Liquidations page's figures as printed, as records: a tick re-renders only what changed.</summary>
public static class LiquidationsFigures
{
    public static LadderHeadline Headline(LiquidationsPageModel model) =>
        new(model.HasMeasured, model.HasModelled, Price(model.Price), Display.Usd(model.LongUsd), Display.Usd(model.ShortUsd), Display.Usd(model.RealisedUsd));

    public static string Price(double price) => Display.Number(price, price >= 100 ? "N0" : "N4");

    public static IReadOnlyList<LadderVenueRow> Rows(LiquidationsPageModel model) =>
        model.Venues.Select(v => new LadderVenueRow(v.VenueId, v.Venue, v.Kind,
                v.Kind == LadderKind.Measured ? $"{Display.Percent(v.LongCoverage, "0")} / {Display.Percent(v.ShortCoverage, "0")}" : Display.None,
                Display.Usd(v.OpenInterestUsd), v.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
}

public sealed record LadderHeadline(bool Measured, bool Modelled, string Price, string LongUsd, string ShortUsd, string RealisedUsd);

/// <param name="Coverage">Measured: long / short share of the venue's OI the visible positions hold; modelled: none.</param>
public sealed record LadderVenueRow(string VenueId, string Venue, LadderKind Kind, string Coverage, string OpenInterest, string Count);
