using FundingWeb.Core.Liquidations;

namespace FundingWeb.Core.Portfolio;

/// <summary>
/// Cross-margin stress of a book (PRODUCT.md, portfolio stress). Per venue account: equity = collateral + Σ unrealised PnL −
/// funding over the venue's exit delay; requirement = Σ notional × mmr at the shocked price; margin ratio = equity ÷
/// requirement; liquidation below 1. A correlated shock moves each market by its beta × the BTC shock. The cascade step: a
/// shocked price that crosses ladder clusters on its way adds their notional, pushed through the book's depth, as further
/// move, until no new cluster is crossed (at most <see cref="MaxCascadeRounds"/> rounds and <see cref="MaxCascadeMove"/>).
/// Isolated positions are their own accounts: their margin is notional ÷ leverage and stays out of the shared collateral.
/// </summary>
public static class PortfolioStress
{
    public const int MaxCascadeRounds = 10;
    public const double MaxCascadeMove = 0.5;

    /// <summary>The shocks a page tabulates: −30 % … +30 % of BTC in 5 % steps, and none.</summary>
    public static IReadOnlyList<double> StandardShocks { get; } = [-0.30, -0.25, -0.20, -0.15, -0.10, -0.05, 0, 0.05, 0.10, 0.15, 0.20, 0.25, 0.30];

    public sealed record Inputs(
        IReadOnlyList<BookPosition> Book,
        IReadOnlyList<VenueAccount> Accounts,
        IReadOnlyDictionary<(string Venue, string Asset), MarketFacts> Markets,
        IReadOnlyList<LiquidationCluster> Clusters,
        PriceImpact? Impact,
        bool FundingShock = false);

    public static ShockResult At(double shock, Inputs inputs)
    {
        var baseMoves = new Dictionary<(string, string), double>();
        foreach (var key in inputs.Book.Select(p => (p.Venue, p.Asset)).Distinct())
        {
            if (inputs.Markets.TryGetValue(key, out var facts)) baseMoves[key] = Clamp(facts.Beta * shock);
        }
        var (moves, extra, rounds) = inputs.Impact is null ? (baseMoves, new Dictionary<(string, string), double>(), 0) : Cascade(baseMoves, inputs);
        var accounts = Accounts(inputs, key => moves.GetValueOrDefault(key))
            .Select(a => a with { DistanceToLiquidation = Distance(inputs, a, shock, moves) })
            .ToList();
        return new ShockResult(shock, accounts,
            moves.ToDictionary(kv => $"{kv.Key.Item1}:{kv.Key.Item2}", kv => kv.Value),
            extra.ToDictionary(kv => $"{kv.Key.Item1}:{kv.Key.Item2}", kv => kv.Value), rounds);
    }

    /// <summary>Beta of an asset to BTC over aligned hourly log returns: cov ÷ var(BTC); null with fewer than 24 pairs or a flat BTC.</summary>
    public static double? Beta(IReadOnlyList<(long TimeMs, double Price)> asset, IReadOnlyList<(long TimeMs, double Price)> btc)
    {
        static Dictionary<long, double> Returns(IReadOnlyList<(long TimeMs, double Price)> prices)
        {
            var byHour = prices.Where(p => p.Price > 0 && double.IsFinite(p.Price)).GroupBy(p => p.TimeMs / 3_600_000)
                .ToDictionary(g => g.Key, g => g.OrderBy(p => p.TimeMs).Last().Price);
            return byHour.Where(kv => byHour.ContainsKey(kv.Key - 1)).ToDictionary(kv => kv.Key, kv => Math.Log(kv.Value / byHour[kv.Key - 1]));
        }
        var a = Returns(asset);
        var b = Returns(btc);
        var pairs = a.Keys.Where(b.ContainsKey).Select(k => (A: a[k], B: b[k])).ToList();
        if (pairs.Count < 24) return null;
        var meanA = pairs.Average(p => p.A);
        var meanB = pairs.Average(p => p.B);
        var cov = pairs.Sum(p => (p.A - meanA) * (p.B - meanB));
        var var = pairs.Sum(p => (p.B - meanB) * (p.B - meanB));
        return var > 1e-18 && double.IsFinite(cov / var) ? cov / var : null;
    }

    private static (Dictionary<(string, string), double> Moves, Dictionary<(string, string), double> Extra, int Rounds) Cascade(
        Dictionary<(string, string), double> baseMoves, Inputs inputs)
    {
        var moves = new Dictionary<(string, string), double>(baseMoves);
        var extra = baseMoves.Keys.ToDictionary(k => k, _ => 0d);
        var counted = new HashSet<LiquidationCluster>();
        var rounds = 0;
        for (; rounds < MaxCascadeRounds; rounds++)
        {
            var grew = false;
            foreach (var key in baseMoves.Keys)
            {
                var facts = inputs.Markets[key];
                var move = moves[key];
                if (move == 0) continue;
                var shocked = facts.Price * (1 + move);
                // A fall crosses the long clusters between the price and where it went, a rise the short ones.
                var crossed = inputs.Clusters.Where(c => c.Venue == key.Item1 && c.Asset == key.Item2 && !counted.Contains(c) && c.NotionalUsd > 0
                        && (move < 0 ? c.Side == LiquidationSide.Long && c.Price < facts.Price && c.Price >= shocked
                                     : c.Side == LiquidationSide.Short && c.Price > facts.Price && c.Price <= shocked))
                    .ToList();
                if (crossed.Count == 0) continue;
                counted.UnionWith(crossed);
                var notional = crossed.Sum(c => c.NotionalUsd);
                var impact = Math.Max(0, inputs.Impact!(key.Item1, key.Item2, notional, selling: move < 0));
                if (!double.IsFinite(impact)) impact = MaxCascadeMove;
                var added = Math.Min(impact, MaxCascadeMove - Math.Abs(extra[key]));
                if (added <= 0) continue;
                extra[key] += Math.Sign(move) * added;
                moves[key] = Clamp(move + Math.Sign(move) * added);
                grew = true;
            }
            if (!grew) break;
        }
        return (moves, extra, rounds);
    }

    private static List<AccountStress> Accounts(Inputs inputs, Func<(string, string), double> moveOf)
    {
        var result = new List<AccountStress>();
        foreach (var account in inputs.Accounts)
        {
            var cross = inputs.Book.Where(p => p.Venue == account.Venue && !p.Isolated).ToList();
            if (cross.Count == 0) continue;
            result.Add(Account(account.Venue, null, account.CollateralUsd, cross, inputs, moveOf));
        }
        // A cross position at a venue with no account configured still needs collateral: it is stressed as its own account of zero.
        foreach (var venue in inputs.Book.Where(p => !p.Isolated).Select(p => p.Venue).Distinct().Where(v => inputs.Accounts.All(a => a.Venue != v)))
        {
            result.Add(Account(venue, null, 0, inputs.Book.Where(p => p.Venue == venue && !p.Isolated).ToList(), inputs, moveOf));
        }
        foreach (var position in inputs.Book.Where(p => p.Isolated))
        {
            var margin = position.Leverage > 0 ? position.NotionalUsd / position.Leverage : position.NotionalUsd;
            result.Add(Account(position.Venue, position.Asset, margin, [position], inputs, moveOf));
        }
        return result;
    }

    private static AccountStress Account(string venue, string? isolated, double collateral, IReadOnlyList<BookPosition> positions, Inputs inputs,
        Func<(string, string), double> moveOf)
    {
        double pnl = 0, requirement = 0, funding = 0;
        foreach (var p in positions)
        {
            if (!inputs.Markets.TryGetValue((p.Venue, p.Asset), out var facts) || !(facts.Price > 0)) continue;
            var entry = p.EntryPrice is > 0 ? p.EntryPrice.Value : facts.Price;
            var size = p.NotionalUsd / entry;
            var shocked = facts.Price * (1 + moveOf((p.Venue, p.Asset)));
            var notional = size * shocked;
            pnl += p.Sign * size * (shocked - entry);
            requirement += notional * facts.MaintenanceMargin;
            var hours = facts.ExitDelay.TotalHours;
            // Funding this position pays over the exit delay (negative: it receives). The funding shock takes the 30-day p99
            // adverse rate of the side instead of the quote.
            var perHour = inputs.FundingShock
                ? (p.Side == LiquidationSide.Long ? facts.AdverseP99Long1h : facts.AdverseP99Short1h)
                : p.Sign * facts.LongPays1h;
            funding += perHour * notional * hours;
        }
        var equity = collateral + pnl - funding;
        double? ratio = requirement > 0 ? equity / requirement : null;
        var liquidated = equity <= 0 || ratio is < 1;
        return new AccountStress(venue, isolated, equity, requirement, ratio, liquidated, funding, null);
    }

    /// <summary>
    /// The further BTC move (from this shock, without a cascade) at which the account's ratio reaches 1: the nearer root
    /// found by stepping 0.5 % out each way up to ±100 %, then halving. Null when no move within that range liquidates it.
    /// </summary>
    private static double? Distance(Inputs inputs, AccountStress account, double shock, IReadOnlyDictionary<(string, string), double> moves)
    {
        if (account.Liquidated) return 0;
        var positions = inputs.Book.Where(p => p.Venue == account.Venue && (account.IsolatedAsset is null ? !p.Isolated : p.Isolated && p.Asset == account.IsolatedAsset)).ToList();
        var collateral = account.IsolatedAsset is null
            ? inputs.Accounts.FirstOrDefault(a => a.Venue == account.Venue)?.CollateralUsd ?? 0
            : positions.Sum(p => p.Leverage > 0 ? p.NotionalUsd / p.Leverage : p.NotionalUsd);
        bool LiquidatedAt(double delta)
        {
            var a = Account(account.Venue, account.IsolatedAsset, collateral, positions, inputs, key =>
                inputs.Markets.TryGetValue(key, out var f) ? Clamp(moves.GetValueOrDefault(key) + f.Beta * delta) : 0);
            return a.Liquidated;
        }
        double? best = null;
        foreach (var direction in new[] { -1d, 1d })
        {
            double previous = 0;
            for (var step = 0.005; step <= 1.0 + 1e-9; step += 0.005)
            {
                var delta = direction * step;
                if (LiquidatedAt(delta))
                {
                    double lo = previous, hi = delta;
                    for (var i = 0; i < 40; i++)
                    {
                        var mid = (lo + hi) / 2;
                        if (LiquidatedAt(mid)) hi = mid; else lo = mid;
                    }
                    if (best is null || Math.Abs(hi) < Math.Abs(best.Value)) best = hi;
                    break;
                }
                previous = delta;
            }
        }
        return best;
    }

    private static double Clamp(double move) => Math.Max(-1, move);
}
