using System.Globalization;
using FundingWeb.Core.Carry;
using Microsoft.AspNetCore.WebUtilities;

namespace FundingWeb.Model;

/// <summary>
/// The carry calculator's inputs as they live in the URL (<c>/carry?venue=dydx&amp;asset=BTC&amp;side=short&amp;notional=1000000&amp;leverage=5&amp;hours=72</c>),
/// so a position can be pasted to a colleague. Missing values take desk-typical defaults; bad ones are reported, not guessed.
/// </summary>
/// <param name="ExitDelayHours">Overrides the venue's configured withdrawal delay for the stress row; null keeps the venue's.</param>
public sealed record CarryQuery(string? Venue, string Asset, PositionSide Side, double NotionalUsd, double Leverage, double HoldingHours, double? ExitDelayHours = null)
{
    public const string Path = "/carry";

    public static CarryQuery Default { get; } = new(null, "BTC", PositionSide.Long, 1_000_000, 5, 72);

    /// <summary>The query a URL (or the form, through <see cref="CarryInput"/>) asks for; each bad value is named at its <see cref="CarryInput"/> field.</summary>
    public static (CarryQuery Query, IReadOnlyList<FieldError> Errors) Parse(string? venue, string? asset, string? side, string? notional, string? leverage, string? hours, string? delay = null)
    {
        var errors = new List<FieldError>();
        var q = Default with { Venue = string.IsNullOrWhiteSpace(venue) ? null : venue.Trim().ToLowerInvariant() };
        if (!string.IsNullOrWhiteSpace(asset)) q = q with { Asset = asset.Trim().ToUpperInvariant() };
        if (!string.IsNullOrWhiteSpace(side))
        {
            if (string.Equals(side, "long", StringComparison.OrdinalIgnoreCase)) q = q with { Side = PositionSide.Long };
            else if (string.Equals(side, "short", StringComparison.OrdinalIgnoreCase)) q = q with { Side = PositionSide.Short };
            else errors.Add(new(nameof(CarryInput.Side), $"Side: '{Shown(side)}' is neither long nor short."));
        }
        q = Number(notional, nameof(CarryInput.Notional), "Notional (USD)", v => v > 0 && v <= 1e12, "above 0 and at most 1,000,000,000,000", errors) is { } n ? q with { NotionalUsd = n } : q;
        q = Number(leverage, nameof(CarryInput.Leverage), "Leverage", v => v >= 1 && v <= 1000, "from 1 to 1,000", errors) is { } l ? q with { Leverage = l } : q;
        q = Number(hours, nameof(CarryInput.Hours), "Holding time (hours)", v => v > 0 && v <= 24 * 365, "above 0 and at most 8,760 (a year)", errors) is { } h ? q with { HoldingHours = h } : q;
        q = Number(delay, nameof(CarryInput.Delay), "Exit delay (hours)", v => v >= 0 && v <= 24 * 30, "from 0 to 720 (30 days)", errors) is { } d ? q with { ExitDelayHours = d } : q;
        return (q, errors);
    }

    public string ToUrl()
    {
        var query = new Dictionary<string, string?>
        {
            ["venue"] = Venue,
            ["asset"] = Asset,
            ["side"] = Side == PositionSide.Long ? "long" : "short",
            ["notional"] = NotionalUsd.ToString("R", CultureInfo.InvariantCulture),
            ["leverage"] = Leverage.ToString("R", CultureInfo.InvariantCulture),
            ["hours"] = HoldingHours.ToString("R", CultureInfo.InvariantCulture),
            ["delay"] = ExitDelayHours?.ToString("R", CultureInfo.InvariantCulture),
        };
        return QueryHelpers.AddQueryString(Path, query.Where(p => p.Value is not null));
    }

    public CarryPosition ToPosition(string venue) => new(venue, Asset, Side, NotionalUsd, Leverage, HoldingHours);

    /// <summary>
    /// Refused when the market names a usable cap (a venue that reports 0 or not a number has none to check against).
    /// </summary>
    public static FieldError? LeverageAboveCap(double leverage, double maxLeverage, string symbol, string venueName) =>
        maxLeverage >= 1 && double.IsFinite(maxLeverage) && leverage > maxLeverage
            ? new(nameof(CarryInput.Leverage), string.Create(CultureInfo.InvariantCulture, $"Leverage: {symbol} allows at most {maxLeverage:0.#}× on {venueName}."))
            : null;

    private static double? Number(string? text, string field, string label, Func<double, bool> valid, string range, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && valid(v)) return v;
        errors.Add(new(field, $"{label}: '{Shown(text)}' is not a number {range}."));
        return null;
    }

    /// <summary>A typed value quoted back in an error, cut short: a pasted URL can carry kilobytes in one parameter.</summary>
    private static string Shown(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
