using System.Globalization;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.Portfolio;

namespace FundingWeb.Model;

/// <summary>
/// The portfolio form's rows as typed (numbers as text). The URL's own values fill it, bad ones included, so a pasted link
/// shows a bad value at its field with the reason. <see cref="ToQuery"/> is the one judgement of it: the page stresses
/// nothing while there are errors. Field names are <c>pos{i}.{Field}</c> and <c>col{i}.{Field}</c>.
/// </summary>
public sealed class PortfolioInput
{
    public const int MaxAccounts = FundingUrls.MaxVenues;

    public List<PortfolioPositionRow> Positions { get; } = [];
    public List<PortfolioCollateralRow> Collateral { get; } = [];

    /// <summary>The user's exit delay in hours, as typed; empty takes each venue's estimate.</summary>
    public string ExitDelay { get; set => field = value ?? ""; } = "";

    public const string DelayField = "delay";

    /// <summary>Errors about the book as a whole (too many rows, a malformed entry that fills no field).</summary>
    public const string BookField = "book";

    private readonly List<FieldError> _urlErrors = [];
    // Rows whose URL entry had the wrong shape: their fields may look valid, but what was meant is unknown.
    private readonly HashSet<PortfolioPositionRow> _malformed = [];

    public static PortfolioInput From(PortfolioQuery query)
    {
        var input = new PortfolioInput();
        foreach (var p in query.Positions)
        {
            input.Positions.Add(new PortfolioPositionRow
            {
                Venue = p.Venue, Asset = p.Asset, Side = p.Side == LiquidationSide.Long ? "long" : "short",
                Notional = PortfolioQuery.Number(p.NotionalUsd), Leverage = PortfolioQuery.Number(p.Leverage), Isolated = p.Isolated,
            });
        }
        foreach (var a in query.Accounts) input.Collateral.Add(new PortfolioCollateralRow { Venue = a.Venue, Amount = PortfolioQuery.Number(a.CollateralUsd) });
        input.ExitDelay = query.ExitDelayHours is { } d ? PortfolioQuery.Number(d) : "";
        return input;
    }

    /// <summary>The URL's entries as rows, as typed; entries past the caps are dropped and said so.</summary>
    public static PortfolioInput FromUrl(IReadOnlyList<string>? positions, IReadOnlyList<string>? collateral, string? delay = null)
    {
        var input = new PortfolioInput { ExitDelay = (delay ?? "").Trim() };
        var pos = positions ?? [];
        var col = collateral ?? [];
        if (pos.Count > PortfolioQuery.MaxPositions)
        {
            input._urlErrors.Add(new(BookField, $"The link names {pos.Count} positions: only the first {PortfolioQuery.MaxPositions} are used."));
        }
        if (col.Count > MaxAccounts)
        {
            input._urlErrors.Add(new(BookField, $"The link names {col.Count} collateral entries: only the first {MaxAccounts} are used."));
        }
        foreach (var token in pos.Take(PortfolioQuery.MaxPositions))
        {
            var parts = (token ?? "").Split(':');
            string Part(int i) => i < parts.Length ? parts[i].Trim() : "";
            var row = new PortfolioPositionRow
            {
                Venue = Part(0).ToLowerInvariant(), Asset = Part(1).ToUpperInvariant(), Side = Part(2).ToLowerInvariant(),
                Notional = Part(3), Leverage = Part(4),
                Isolated = string.Equals(Part(5), "iso", StringComparison.OrdinalIgnoreCase),
            };
            if (parts.Length is < 5 or > 6 || (parts.Length == 6 && !row.Isolated))
            {
                input._urlErrors.Add(new(BookField, $"Position {input.Positions.Count + 1}: '{Shown(token ?? "")}' is not venue:asset:side:notional:leverage (with :iso for isolated)."));
                input._malformed.Add(row);
            }
            input.Positions.Add(row);
        }
        foreach (var token in col.Take(MaxAccounts))
        {
            var parts = (token ?? "").Split(':');
            input.Collateral.Add(new PortfolioCollateralRow { Venue = parts[0].Trim().ToLowerInvariant(), Amount = parts.Length > 1 ? parts[1].Trim() : "" });
            if (parts.Length != 2)
            {
                input._urlErrors.Add(new(BookField, $"Collateral {input.Collateral.Count}: '{Shown(token ?? "")}' is not venue:usd."));
            }
        }
        return input;
    }

    /// <summary>
    /// Every reason the rows cannot be stressed, and the book they give. <paramref name="maxLeverage"/> answers a market's
    /// leverage cap (and its name) where the feed knows it.
    /// </summary>
    public (PortfolioQuery Query, IReadOnlyList<FieldError> Errors) ToQuery(Func<string, string, (double Max, string Market)?>? maxLeverage = null)
    {
        var errors = new List<FieldError>(_urlErrors);
        var positions = new List<BookPosition>();
        for (var i = 0; i < Positions.Count; i++)
        {
            var row = Positions[i];
            var label = $"Position {i + 1}";
            var before = errors.Count;
            if (!FundingUrls.IsVenueId(row.Venue)) errors.Add(new(Field("pos", i, nameof(row.Venue)), $"{label} venue: '{Shown(row.Venue)}' is not a venue id."));
            if (!FundingUrls.IsAssetName(row.Asset)) errors.Add(new(Field("pos", i, nameof(row.Asset)), $"{label} asset: '{Shown(row.Asset)}' is not an asset name."));
            LiquidationSide? side = row.Side switch { "long" => LiquidationSide.Long, "short" => LiquidationSide.Short, _ => null };
            if (side is null) errors.Add(new(Field("pos", i, nameof(row.Side)), $"{label} side: '{Shown(row.Side)}' is neither long nor short."));
            var notional = Number(row.Notional, Field("pos", i, nameof(row.Notional)), $"{label} notional (USD)", v => v > 0 && v <= 1e12, "above 0 and at most 1,000,000,000,000", errors);
            var leverage = Number(row.Leverage, Field("pos", i, nameof(row.Leverage)), $"{label} leverage", v => v >= 1 && v <= 1000, "from 1 to 1,000", errors);
            if (leverage is { } l && maxLeverage?.Invoke(row.Venue, row.Asset) is { } cap && cap.Max >= 1 && double.IsFinite(cap.Max) && l > cap.Max)
            {
                errors.Add(new(Field("pos", i, nameof(row.Leverage)), string.Create(CultureInfo.InvariantCulture, $"{label} leverage: {cap.Market} allows at most {cap.Max:0.#}×.")));
            }
            if (errors.Count == before && !_malformed.Contains(row)) positions.Add(new BookPosition(row.Venue, row.Asset, side!.Value, notional!.Value, leverage!.Value, row.Isolated));
        }
        var accounts = new List<VenueAccount>();
        for (var i = 0; i < Collateral.Count; i++)
        {
            var row = Collateral[i];
            var label = $"Collateral {i + 1}";
            var before = errors.Count;
            if (!FundingUrls.IsVenueId(row.Venue)) errors.Add(new(Field("col", i, nameof(row.Venue)), $"{label} venue: '{Shown(row.Venue)}' is not a venue id."));
            else if (Collateral.Take(i).Any(c => string.Equals(c.Venue, row.Venue, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(new(Field("col", i, nameof(row.Venue)), $"{label} venue: {row.Venue} already has collateral above; one account per venue."));
            }
            var amount = Number(row.Amount, Field("col", i, nameof(row.Amount)), $"{label} (USD)", v => v >= 0 && v <= 1e12, "from 0 to 1,000,000,000,000", errors);
            if (errors.Count == before) accounts.Add(new VenueAccount(row.Venue, amount!.Value));
        }
        double? delay = null;
        if (!string.IsNullOrWhiteSpace(ExitDelay))
        {
            delay = Number(ExitDelay, DelayField, "Exit delay (hours)", v => v >= 0 && v <= PortfolioQuery.MaxDelayHours, "from 0 to 720 (30 days)", errors);
        }
        return (new PortfolioQuery(positions, accounts, delay), errors);
    }

    public static string Field(string group, int index, string field) => $"{group}{index}.{field}";

    private static double? Number(string? text, string field, string label, Func<double, bool> valid, string range, List<FieldError> errors)
    {
        var clean = (text ?? "").Replace(",", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Trim();
        if (clean.Length == 0)
        {
            errors.Add(new(field, $"{label}: enter a number."));
            return null;
        }
        if (double.TryParse(clean, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && valid(v)) return v;
        errors.Add(new(field, $"{label}: '{Shown(text!)}' is not a number {range}."));
        return null;
    }

    /// <summary>A typed value quoted back in an error, cut short: a pasted URL can carry kilobytes in one parameter.</summary>
    private static string Shown(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
