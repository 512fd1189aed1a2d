using System.Globalization;
using FundingWeb.Core.Ingest;
using FundingWeb.Core.Live;
using FundingWeb.Core.Regimes;

namespace FundingWeb.Model;

/// <summary>The heatmap's other modes: a cell per market showing its premium, or its funding regime with the rule in its title.</summary>
public static class HeatmapAltCells
{
    /// <summary>(mark − index) ÷ index, coloured by its sign (mark above index: blue), strength up to ±0.5 %.</summary>
    public static HeatmapCell? Basis(VenueSnapshot venue, string asset)
    {
        if (venue.ForAsset(asset) is not { } quote) return null;
        var premium = Premium.Of(quote.Mark, quote.Index);
        var display = premium is { } p ? (p * 100).ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture) + " %" : "n/a";
        var intensity = premium is { } v ? Math.Min(1, Math.Abs(v) / HeatmapViewModel.FullScalePremium) : 0;
        var title = premium is null
            ? $"{venue.Venue.Name} · {quote.Market.Symbol} · premium needs both a mark and an index price"
            : $"{venue.Venue.Name} · {quote.Market.Symbol} · premium = (mark − index) ÷ index · select for the source";
        return new HeatmapCell(venue.Venue.Id, asset, quote.Market.Symbol, premium ?? 0, premium, display, premium is { } s ? Math.Sign(s) : 0, intensity,
            !VenueHealth.Of(venue).IsFresh, title);
    }

    /// <summary>The regime label, coloured by the quote's sign and stronger the less calm it is; the title prints the rule.</summary>
    public static HeatmapCell? Regime(VenueSnapshot venue, string asset, Core.Alerts.IFundingRegimes regimes)
    {
        if (venue.ForAsset(asset) is not { } quote) return null;
        var regime = regimes.For(venue.Venue.Id, quote.Market.Symbol);
        var label = regime?.Label ?? FundingRegimeLabel.Unknown;
        var intensity = label switch
        {
            FundingRegimeLabel.Extreme => 0.9,
            FundingRegimeLabel.Flipping => 0.6,
            FundingRegimeLabel.Elevated => 0.45,
            FundingRegimeLabel.Calm => 0.1,
            _ => 0,
        };
        var quote1h = quote.PlausibleFunding?.Rate1h;
        var sign = label == FundingRegimeLabel.Unknown || quote1h is not { } q ? 0 : Math.Sign(q);
        var described = regime?.Describe() ?? "unknown: no settled history read yet";
        var title = $"{venue.Venue.Name} · {quote.Market.Symbol} · {described} · rule: {FundingRegime.Rule}";
        return new HeatmapCell(venue.Venue.Id, asset, quote.Market.Symbol, quote1h ?? 0, regime?.Z, label.ToString().ToLowerInvariant(), sign, intensity,
            !VenueHealth.Of(venue).IsFresh, title);
    }
}
