using FundingWeb.Core.Funding;
using FundingWeb.Core.Liquidations;
using FundingWeb.Core.OpenInterest;
using FundingWeb.Core.Prices;

namespace FundingWeb.Core.Venues.Simulator;

public sealed partial class SimulatedWorld
{
    private static readonly double[] LeverageBuckets = [5, 10, 20, 25, 50, 100];

    private void Step(double dtSeconds, bool backfill)
    {
        var dtHours = dtSeconds / 3600;
        var dtYears = dtSeconds / SecondsPerYear;
        var nextMs = _steppedToMs + (long)(dtSeconds * 1000);
        _stepIndex++;

        // Prices: one market factor, idiosyncratic noise, and rare jumps (market-wide and per asset).
        var market = _random.Normal();
        var marketJump = _random.Chance(0.15 * dtHours / 24) ? 0.035 * _random.Normal() : 0;
        var returns = new double[Assets.Count];
        for (var i = 0; i < Assets.Count; i++)
        {
            var asset = Assets[i];
            var diffusion = asset.Volatility * Math.Sqrt(dtYears) * (0.7 * market + 0.714 * _random.Normal());
            var jump = _random.Chance(0.4 * dtHours / 24) ? 0.05 * asset.Volatility * _random.Normal() : 0;
            var r = diffusion + jump + marketJump * asset.Volatility / 0.6;
            returns[i] = r;
            _logPrice[i] += r;
            // Sentiment mean-reverts over ~18 h and chases price: rallies make longs pay more.
            var kappa = dtHours / 18;
            _sentiment[i] += kappa * (0.0001 - _sentiment[i]) + 0.00035 * Math.Sqrt(2 * kappa) * _random.Normal() + 0.01 * r;
        }

        foreach (var venue in _venues.Values)
        {
            MaybeCongest(venue, dtHours, backfill);
            foreach (var m in venue.Markets)
            {
                var i = AssetIndex(m.Asset);
                StepMarket(venue, m, returns[i], Math.Exp(_logPrice[i]), _sentiment[i], dtSeconds, nextMs, backfill);
            }
        }

        var crossesHour = nextMs / 3_600_000 > _steppedToMs / 3_600_000 || dtSeconds >= 3600;
        _steppedToMs = nextMs;
        if (crossesHour)
        {
            foreach (var venue in _venues.Values) Settle(venue, nextMs / 3_600_000 * 3_600_000, backfill);
        }
    }

    private void StepMarket(SimVenueState venue, SimMarketState m, double r, double price, double sentiment, double dtSeconds, long nowMs, bool backfill)
    {
        var profile = venue.Profile;
        var dtHours = dtSeconds / 3600;
        var kappa = Math.Min(1, dtHours / 2);
        var target = profile.PremiumBeta * sentiment + profile.PremiumBias;
        m.Premium += kappa * (target - m.Premium) + 0.00015 * Math.Sqrt(2 * kappa) * _random.Normal();

        // Open interest builds and unwinds in regimes, reverting slowly to the venue's usual size.
        if (_random.Chance(0.08 * dtHours)) m.OiRegime = (int)Math.Floor(_random.Uniform() * 3) - 1;
        var usualBase = m.OpenInterestUsdTarget / m.Asset.Price;
        var logOi = Math.Log(Math.Max(m.OpenInterestBase, 1e-9));
        logOi += dtHours / 168 * (Math.Log(usualBase) - logOi) + m.OiRegime * 0.012 * dtHours + 0.008 * Math.Sqrt(dtHours) * _random.Normal();
        m.OpenInterestBase = Math.Exp(logOi);
        m.LongShare = Math.Clamp(m.LongShare + dtHours / 24 * (0.5 + 250 * sentiment - m.LongShare) + 0.01 * Math.Sqrt(dtHours) * _random.Normal(), 0.2, 0.8);

        // Liquidations on sharp moves: the losing side is cut, and OI falls by what was liquidated.
        var stepSigma = m.Asset.Volatility * Math.Sqrt(dtSeconds / SecondsPerYear);
        if (!backfill && Math.Abs(r) > Math.Max(3 * stepSigma, 0.002))
        {
            var fraction = Math.Min(0.06, 2.5 * (Math.Abs(r) - 0.0015)) * (0.5 + _random.Uniform());
            Liquidate(venue, m, r < 0 ? LiquidationSide.Long : LiquidationSide.Short, fraction, price, nowMs);
        }
        else if (!backfill && _random.Chance(0.5 * dtHours))
        {
            Liquidate(venue, m, _random.Chance(0.5) ? LiquidationSide.Long : LiquidationSide.Short, 0.0004 * _random.Uniform(), price, nowMs);
        }
        else if (backfill)
        {
            BackfillLiquidations(venue, m, r, stepSigma, price, nowMs);
        }

        ComputeRates(m);
        m.AccrualNet += m.Rate1h * dtSeconds;
        m.AccrualLong += m.LongRate1h * dtSeconds;
        m.AccrualShort += m.ShortRate1h * dtSeconds;
        m.AccrualSeconds += dtSeconds;
    }

    private static void ComputeRates(SimMarketState m)
    {
        var p = m.Premium;
        var cap = m.Profile.Cap1h;
        switch (m.Profile.Style)
        {
            case SimFundingStyle.Hourly:
                m.Rate1h = Math.Clamp(p / 8, -cap, cap);
                break;
            case SimFundingStyle.SeparateLongShort:
                // The larger side pays f; the smaller side earns f × payerOI / receiverOI. Both in "positive = longs pay".
                var imbalance = 2 * m.LongShare - 1;
                var f = Math.Min(cap, 0.6 * Math.Abs(imbalance) / FundingBasis.HoursPerYear);
                var longsPay = imbalance >= 0;
                var ratio = longsPay ? m.LongShare / (1 - m.LongShare) : (1 - m.LongShare) / m.LongShare;
                m.LongRate1h = longsPay ? f : -f * ratio;
                m.ShortRate1h = longsPay ? f * ratio : -f;
                m.Rate1h = m.LongRate1h;
                m.BorrowLong1h = (0.03 + 0.12 * m.LongShare) / FundingBasis.HoursPerYear;
                m.BorrowShort1h = (0.03 + 0.12 * (1 - m.LongShare)) / FundingBasis.HoursPerYear;
                break;
            default:
                // Interest 0.01 %/8h plus premium, the gap clamped to ±0.05 %: most markets sit at the baseline.
                var f8 = p + Math.Clamp(Interest8h - p, -Clamp8h, Clamp8h);
                m.Rate1h = Math.Clamp(f8 / 8, -cap, cap);
                break;
        }
    }

    /// <summary>
    /// The past's realised liquidations, by the live rule (sharp moves cut the losing side, quiet hours a little at random),
    /// drawn from their own random stream and without touching open interest: the backfilled prices, funding and OI stay
    /// exactly what they were for a seed, and the ladder's realised overlay has the whole history to draw from.
    /// </summary>
    private void BackfillLiquidations(SimVenueState venue, SimMarketState m, double r, double stepSigma, double price, long nowMs)
    {
        double fraction;
        LiquidationSide side;
        if (Math.Abs(r) > Math.Max(3 * stepSigma, 0.002) && _backfillRandom.Chance(0.5))
        {
            fraction = Math.Min(0.06, 2.5 * (Math.Abs(r) - 0.0015)) * (0.5 + _backfillRandom.Uniform()) * 0.2;
            side = r < 0 ? LiquidationSide.Long : LiquidationSide.Short;
        }
        else if (_backfillRandom.Chance(0.2))
        {
            fraction = 0.0004 * _backfillRandom.Uniform();
            side = _backfillRandom.Chance(0.5) ? LiquidationSide.Long : LiquidationSide.Short;
        }
        else
        {
            return;
        }
        var sizeBase = m.OpenInterestBase * fraction;
        if (!(sizeBase > 0)) return;
        var mark = price * (1 + m.Premium);
        if (!venue.LiquidationHistory.TryGetValue(m.Market.Symbol, out var list)) venue.LiquidationHistory[m.Market.Symbol] = list = [];
        list.Add(new LiquidationEvent($"sim-{venue.Profile.Info.Id}-{m.Asset.Symbol}-b{_stepIndex}", m.Market.Symbol, nowMs, side, mark, sizeBase, sizeBase * mark));
    }

    private void Liquidate(SimVenueState venue, SimMarketState m, LiquidationSide side, double fraction, double price, long nowMs)
    {
        var sizeBase = m.OpenInterestBase * fraction;
        if (sizeBase <= 0) return;
        m.OpenInterestBase -= sizeBase;
        var mark = price * (1 + m.Premium);
        venue.PendingLiquidations.Add(new LiquidationEvent(
            $"sim-{venue.Profile.Info.Id}-{m.Asset.Symbol}-{_stepIndex}", m.Market.Symbol, nowMs, side, mark, sizeBase, sizeBase * mark));
        if (venue.PendingLiquidations.Count > 5000) venue.PendingLiquidations.RemoveRange(0, 1000);
    }

    private void MaybeCongest(SimVenueState venue, double dtHours, bool backfill)
    {
        if (backfill || _warmingUp || _options.CongestionEveryHours <= 0 || _steppedToMs < venue.CongestedUntilMs) return;
        if (!_random.Chance(dtHours / _options.CongestionEveryHours)) return;
        Congest(venue, TimeSpan.FromMinutes(3 + 9 * _random.Uniform()));
    }

    /// <summary>
    /// The venue's data stops moving for <paramref name="duration"/> while its funding spikes one way, and its chain's head
    /// stops with it (see SimulatedWorld.Chains): a congestion episode. Also a run-time knob for demos and tests.
    /// </summary>
    public void Congest(string venueId, TimeSpan duration)
    {
        lock (_lock)
        {
            AdvanceTo(SimNowMs);
            if (_venues.TryGetValue(venueId, out var venue)) Congest(venue, duration);
        }
    }

    private void Congest(SimVenueState venue, TimeSpan duration)
    {
        venue.Frozen = Snapshot(venue, drain: false);
        venue.CongestedFromMs = _steppedToMs;
        venue.CongestedUntilMs = _steppedToMs + (long)duration.TotalMilliseconds;
        var spike = (_random.Chance(0.5) ? 1 : -1) * (0.002 + 0.003 * _random.Uniform());
        foreach (var m in venue.Markets) m.Premium += spike * (0.5 + _random.Uniform());
    }

    private void Settle(SimVenueState venue, long hourMs, bool backfill)
    {
        foreach (var m in venue.Markets)
        {
            if (m.AccrualSeconds <= 0) continue;
            var legs = m.Profile.Style == SimFundingStyle.SeparateLongShort
                ? new[] { (FundingLeg.Long, m.AccrualLong / m.AccrualSeconds), (FundingLeg.Short, m.AccrualShort / m.AccrualSeconds) }
                : new[] { (FundingLeg.Net, m.AccrualNet / m.AccrualSeconds) };
            var (unit, interval) = m.Profile.Convention(m.Market.FundingIntervalHours);
            if (!venue.SettledHistory.TryGetValue(m.Market.Symbol, out var history)) venue.SettledHistory[m.Market.Symbol] = history = [];
            // What was quoted as the hour closed: the simulator knows its own quote history, so backfilled days
            // have quoted rows too (live venues only have the quotes this app recorded).
            var quotedLegs = m.Profile.Style == SimFundingStyle.SeparateLongShort
                ? new[] { (FundingLeg.Long, m.LongRate1h), (FundingLeg.Short, m.ShortRate1h) }
                : new[] { (FundingLeg.Net, m.Rate1h) };
            foreach (var (leg, rate1h) in quotedLegs)
            {
                history.Add(new RawFundingRate(m.Market.Symbol, hourMs, FundingKind.Quoted,
                    FundingNormalizer.FromRate1h(rate1h, unit, interval), interval, unit, leg, "simulator: quote at the hour"));
            }
            var continuous = m.Profile.Style is SimFundingStyle.ContinuousPerPeriod or SimFundingStyle.SeparateLongShort;
            foreach (var (leg, rate1h) in legs)
            {
                var settledRow = new RawFundingRate(m.Market.Symbol, hourMs, FundingKind.Settled,
                    FundingNormalizer.FromRate1h(rate1h, unit, interval), interval, unit, leg, "simulator: hourly settlement");
                // Continuous venues settle nothing discrete: their hourly sample is a 1h fraction, as for live Paradex.
                var row = continuous ? FundingNormalizer.HourlySettlement(settledRow, hourMs) : settledRow;
                history.Add(row);
                if (!backfill) venue.PendingSettled.Add(row);
            }
            if (!venue.OpenInterestHistory.TryGetValue(m.Market.Symbol, out var oi)) venue.OpenInterestHistory[m.Market.Symbol] = oi = [];
            oi.Add(OpenInterestOf(m, hourMs));
            m.AccrualNet = m.AccrualLong = m.AccrualShort = m.AccrualSeconds = 0;
        }
    }

    private OpenInterestObservation OpenInterestOf(SimMarketState m, long timeMs)
    {
        var mark = MarkOf(m);
        var usd = m.OpenInterestBase * mark;
        return m.Profile.Style == SimFundingStyle.SeparateLongShort
            ? new OpenInterestObservation(m.Market.Symbol, timeMs, m.OpenInterestBase, usd, usd * m.LongShare, usd * (1 - m.LongShare))
            : new OpenInterestObservation(m.Market.Symbol, timeMs, m.OpenInterestBase, usd);
    }

    private double IndexOf(SimMarketState m) => Math.Exp(_logPrice[AssetIndex(m.Asset)]);

    private double MarkOf(SimMarketState m) => IndexOf(m) * (1 + m.Premium);

    private int AssetIndex(SimAsset asset)
    {
        for (var i = 0; i < Assets.Count; i++) if (ReferenceEquals(Assets[i], asset)) return i;
        throw new InvalidOperationException($"Unknown asset {asset.Symbol}.");
    }

    private SimObservation Snapshot(SimVenueState venue, bool drain)
    {
        var now = _steppedToMs;
        var funding = new List<RawFundingRate>();
        var oi = new List<OpenInterestObservation>();
        var prices = new List<PriceObservation>();
        var positions = new List<PositionLiquidation>();
        var source = $"simulator://{venue.Profile.Info.Id}/markets";
        foreach (var m in venue.Markets)
        {
            var (unit, interval) = m.Profile.Convention(m.Market.FundingIntervalHours);
            if (m.Profile.Style == SimFundingStyle.SeparateLongShort)
            {
                funding.Add(new(m.Market.Symbol, now, FundingKind.Quoted, FundingNormalizer.FromRate1h(m.LongRate1h, unit, interval), interval, unit, FundingLeg.Long, source + "#fundingRateLong"));
                funding.Add(new(m.Market.Symbol, now, FundingKind.Quoted, FundingNormalizer.FromRate1h(m.ShortRate1h, unit, interval), interval, unit, FundingLeg.Short, source + "#fundingRateShort"));
                funding.Add(new(m.Market.Symbol, now, FundingKind.Quoted, FundingNormalizer.FromRate1h(m.BorrowLong1h, unit, interval), interval, unit, FundingLeg.BorrowLong, source + "#borrowingRateLong"));
                funding.Add(new(m.Market.Symbol, now, FundingKind.Quoted, FundingNormalizer.FromRate1h(m.BorrowShort1h, unit, interval), interval, unit, FundingLeg.BorrowShort, source + "#borrowingRateShort"));
            }
            else
            {
                var rate1h = _options.ImplausibleMarkets.Contains($"{m.Market.Venue}/{m.Asset.Symbol}", StringComparer.OrdinalIgnoreCase)
                    ? (m.Rate1h < 0 ? -3 : 3) * m.Profile.Cap1h
                    : m.Rate1h;
                funding.Add(new(m.Market.Symbol, now, FundingKind.Quoted, FundingNormalizer.FromRate1h(rate1h, unit, interval), interval, unit, FundingLeg.Net, source + "#funding"));
            }
            oi.Add(OpenInterestOf(m, now));
            prices.Add(new PriceObservation(m.Market.Symbol, now, MarkOf(m), IndexOf(m)));
            if (_options.PositionVenues.Contains(venue.Profile.Info.Id, StringComparer.OrdinalIgnoreCase))
            {
                positions.AddRange(PositionsOf(m, now));
            }
        }
        var settled = venue.PendingSettled.ToList();
        var liquidations = venue.PendingLiquidations.ToList();
        if (drain)
        {
            venue.PendingSettled.Clear();
            venue.PendingLiquidations.Clear();
        }
        return new SimObservation(now, venue.Markets.Select(m => m.Market).ToList(), funding.Concat(settled).ToList(), oi, prices, liquidations, positions);
    }

    /// <summary>
    /// Public positions for venues that expose them: a book stable within the hour, entries scattered around the
    /// price, leverage from the usual buckets, covering about 70 % of the market's OI.
    /// </summary>
    private IEnumerable<PositionLiquidation> PositionsOf(SimMarketState m, long nowMs)
    {
        var random = new SimRandom(SimRandom.Derive(_options.Seed, $"{m.Market.Venue}/{m.Market.Symbol}/{nowMs / 3_600_000}"));
        var mark = MarkOf(m);
        var covered = m.OpenInterestBase * mark * 0.7;
        const int count = 80;
        for (var k = 0; k < count; k++)
        {
            var side = random.Uniform() < m.LongShare ? LiquidationSide.Long : LiquidationSide.Short;
            var leverage = Math.Min(LeverageBuckets[(int)(random.Uniform() * LeverageBuckets.Length)], m.Market.MaxLeverage);
            var entry = mark * Math.Exp(0.03 * random.Normal());
            var mmr = m.Market.MaintenanceMargin;
            var liq = side == LiquidationSide.Long ? entry * (1 - 1 / leverage + mmr) : entry * (1 + 1 / leverage - mmr);
            // Positions already past their liquidation price would have been liquidated: skip them.
            if (side == LiquidationSide.Long ? liq >= mark : liq <= mark) continue;
            yield return new PositionLiquidation(m.Market.Symbol, side, liq, covered / count * (0.3 + 1.4 * random.Uniform()));
        }
    }
}
