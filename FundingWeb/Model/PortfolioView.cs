using System.Globalization;
using FundingWeb.Core.Exports;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.Portfolio;
using FundingWeb.Model.Charts;

namespace FundingWeb.Model;

/// <summary>
/// The book stressed at every standard shock, with and without the cascade step, the funding shock at no move, and the
/// order positions liquidate in, and the exit delay each account is stressed over. Built from a book's markets at one
/// snapshot (<see cref="PortfolioMarketReader.At"/>); it compares by value, so a tick that moves no figure renders nothing.
/// </summary>
public sealed record PortfolioView(
    ValueList<PortfolioRow> Rows,
    ValueList<PortfolioRow> FundingShock,
    ValueList<PortfolioLiquidation> LiquidationOrder,
    ValueList<BetaReading> Betas,
    ValueList<string> Problems,
    string ClusterKinds,
    ValueList<PortfolioExitRow> ExitDelays)
{
    public static PortfolioView Build(PortfolioQuery query, PortfolioMarkets markets, PriceImpact? impact)
    {
        var book = query.Positions.Where(p => markets.Markets.ContainsKey((p.Venue, p.Asset))).ToList();
        var plain = new PortfolioStress.Inputs(book, query.Accounts, markets.Markets, markets.Clusters, null);
        var cascade = plain with { Impact = impact ?? ((_, _, _, _) => 0) };
        var rows = new List<PortfolioRow>();
        foreach (var shock in PortfolioStress.StandardShocks)
        {
            var a = PortfolioStress.At(shock, plain);
            var c = PortfolioStress.At(shock, cascade);
            for (var i = 0; i < a.Accounts.Count; i++)
            {
                var account = a.Accounts[i];
                var withCascade = c.Accounts[i];
                var move = c.CascadeMoves.Where(kv => Belongs(kv.Key, account)).Select(kv => Math.Abs(kv.Value)).DefaultIfEmpty(0).Max();
                rows.Add(new PortfolioRow(shock, Label(account), account.EquityUsd, account.RequirementUsd, account.MarginRatio, account.Liquidated,
                    account.DistanceToLiquidation, account.FundingCostUsd, withCascade.MarginRatio, withCascade.Liquidated, move));
            }
        }
        var funding = PortfolioStress.At(0, plain with { FundingShock = true }).Accounts
            .Select(a => new PortfolioRow(0, Label(a), a.EquityUsd, a.RequirementUsd, a.MarginRatio, a.Liquidated, a.DistanceToLiquidation, a.FundingCostUsd, null, false, 0))
            .ToList();
        var now = PortfolioStress.At(0, plain).Accounts;
        var order = book.Select(p =>
            {
                var account = now.FirstOrDefault(a => a.Venue == p.Venue && (p.Isolated ? a.IsolatedAsset == p.Asset : a.IsolatedAsset is null));
                return new PortfolioLiquidation(PositionLabel(p), account is null ? "" : Label(account), account?.DistanceToLiquidation, p.Leverage);
            })
            .OrderBy(l => l.AtMove is { } m ? Math.Abs(m) : double.MaxValue)
            .ToList();
        var kinds = string.Join(" and ", markets.Clusters.Select(c => c.Kind == LadderKind.Measured ? "measured" : "modelled").Distinct().Order(StringComparer.Ordinal));
        var exits = now.Select(a => markets.ExitDelays.FirstOrDefault(d => d.Venue == a.Venue) is { } d
                ? new PortfolioExitRow(Label(a), d.Delay.TotalHours, d.Source, d.Basis)
                : null)
            .OfType<PortfolioExitRow>();
        return new PortfolioView([.. rows], [.. funding], [.. order], [.. markets.Betas], [.. markets.Problems], kinds.Length == 0 ? "none" : kinds, [.. exits]);

        static bool Belongs(string key, AccountStress account) =>
            key.StartsWith(account.Venue + ":", StringComparison.Ordinal) && (account.IsolatedAsset is null || key == $"{account.Venue}:{account.IsolatedAsset}");
    }

    public static string Label(AccountStress account) => account.IsolatedAsset is { } asset ? $"{account.Venue} {asset} isolated" : $"{account.Venue} cross";

    public static string PositionLabel(BookPosition p) =>
        string.Create(CultureInfo.InvariantCulture, $"{p.Venue} {p.Asset} {(p.Side == LiquidationSide.Long ? "long" : "short")} ${p.NotionalUsd:#,0} {p.Leverage:0.#}×{(p.Isolated ? " isolated" : "")}");

    public IReadOnlyList<string> AccountNames => Rows.Select(r => r.Account).Distinct().ToList();

    /// <summary>Margin ratio against the BTC shock, one line per account (a liquidated account's negative equity is drawn as is).</summary>
    public IReadOnlyList<ChartSeries> RatioSeries() => AccountNames
        .Select(name => new ChartSeries(name, Rows.Where(r => r.Account == name && r.MarginRatio is not null)
            .Select(r => (object?)new[] { r.Shock * 100, r.MarginRatio!.Value }).ToList(), Key: name))
        .ToList();

    /// <summary>The table as CSV: one row per shock and account, the funding shock after, numbers invariant.</summary>
    public string Csv(CsvHeader header)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var csv = new CsvWriter(text);
        csv.Header(header);
        csv.Row("scenario", "btc_shock", "account", "equity_usd", "requirement_usd", "margin_ratio", "liquidated", "distance_to_liquidation",
            "funding_cost_usd", "margin_ratio_with_cascade", "liquidated_with_cascade", "cascade_extra_move");
        foreach (var r in Rows) Write(csv, "correlated", r);
        foreach (var r in FundingShock) Write(csv, "funding p99", r);
        return text.ToString();

        static void Write(CsvWriter csv, string scenario, PortfolioRow r)
        {
            csv.Text(scenario).Number(r.Shock).Text(r.Account).Number(r.EquityUsd).Number(r.RequirementUsd).Number(r.MarginRatio)
                .Text(r.Liquidated ? "yes" : "no").Number(r.DistanceToLiquidation).Number(r.FundingCostUsd).Number(r.CascadeRatio)
                .Text(scenario == "correlated" ? (r.CascadeLiquidated ? "yes" : "no") : "").Number(r.CascadeMove);
            csv.EndRow();
        }
    }
}
