using FundingWeb.Core.Live;

namespace FundingWeb.Core.Alerts;

/// <summary>
/// Turns each published snapshot into Fired/Cleared transitions. Deterministic: the output depends only on the rules,
/// the snapshots seen so far and the times given (from the injected <see cref="TimeProvider"/> or passed in). Per rule
/// it keeps an <see cref="AlertRuleState"/>; start it with the persisted states and a restart does not re-fire what
/// was already firing. Thread-safe (one evaluation at a time).
/// </summary>
/// <remarks>
/// A rule fires when its condition holds (for <see cref="AlertRule.SustainFor"/> if it asks for that) and its cooldown
/// since the last Fired has passed; it clears when the condition, with the hysteresis band applied, no longer holds.
/// A disabled rule is not read and keeps its state. A reading with nothing to say (asset or venue missing) leaves the
/// state as it is. Evaluate also on a timer, not only on snapshots: "stale for N minutes" and "within M minutes"
/// become true or false by the clock alone.
/// </remarks>
public sealed class AlertEvaluator
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly ILiquidationLevels _levels;
    private readonly IFundingRegimes _regimes;
    private readonly OpenInterestHistory _openInterest = new();
    private readonly Dictionary<string, AlertRuleState> _states = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AlertRuleState> _persisted = new(StringComparer.Ordinal);
    private Dictionary<string, AlertRule> _rules = new(StringComparer.Ordinal);
    private AlertRule[] _order = [];

    public AlertEvaluator(IEnumerable<AlertRule> rules, TimeProvider time, IEnumerable<AlertRuleState>? restored = null, ILiquidationLevels? levels = null,
        IFundingRegimes? regimes = null)
    {
        _time = time;
        _levels = levels ?? MeasuredLiquidationLevels.Instance;
        _regimes = regimes ?? NoFundingRegimes.Instance;
        foreach (var state in restored ?? [])
        {
            _states[state.RuleId] = state;
            _persisted[state.RuleId] = state;
        }
        SetRules(rules);
    }

    public IReadOnlyList<AlertRule> Rules
    {
        get { lock (_lock) return _order; }
    }

    /// <summary>Every rule's state now.</summary>
    public IReadOnlyList<AlertRuleState> States
    {
        get { lock (_lock) return _order.Select(r => _states[r.Id]).ToArray(); }
    }

    /// <summary>Open-interest samples held for a rule (bounded; for diagnostics and tests).</summary>
    public int OpenInterestSamples(string ruleId)
    {
        lock (_lock) return _openInterest.Count(ruleId);
    }

    public AlertRuleState? StateOf(string ruleId)
    {
        lock (_lock) return _states.GetValueOrDefault(ruleId);
    }

    /// <summary>
    /// Replaces the rule set (after a user edit). Unchanged rules keep their state; a changed rule starts afresh (it is
    /// a new question) but keeps its last fired time so its cooldown still holds; a removed rule is forgotten.
    /// </summary>
    public void SetRules(IEnumerable<AlertRule> rules)
    {
        lock (_lock)
        {
            var next = new Dictionary<string, AlertRule>(StringComparer.Ordinal);
            foreach (var rule in rules)
            {
                next[rule.Id] = rule;
            }
            foreach (var (id, rule) in next)
            {
                if (!_states.TryGetValue(id, out var state))
                {
                    _states[id] = AlertRuleState.Initial(id);
                }
                else if (_rules.TryGetValue(id, out var old) && !AlertRuleJson.SameDefinition(old, rule))
                {
                    _states[id] = AlertRuleState.Initial(id) with { LastFiredMs = state.LastFiredMs };
                    _openInterest.Forget(id);
                }
            }
            foreach (var id in _states.Keys.Where(id => !next.ContainsKey(id)).ToArray())
            {
                _states.Remove(id);
                _openInterest.Forget(id);
            }
            _rules = next;
            _order = next.Values.Where(r => r is not CompositeRule).Concat(next.Values.Where(r => r is CompositeRule)).ToArray();
        }
    }

    public IReadOnlyList<AlertTransition> Evaluate(MarketSnapshot snapshot) =>
        Evaluate(snapshot, _time.GetUtcNow().ToUnixTimeMilliseconds());

    public IReadOnlyList<AlertTransition> Evaluate(MarketSnapshot snapshot, long nowMs)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_lock)
        {
            var transitions = new List<AlertTransition>();
            foreach (var rule in _order)
            {
                if (!rule.Enabled)
                {
                    continue;
                }
                var state = _states[rule.Id];
                var reading = Read(rule, snapshot, nowMs, ref state);
                var (next, transition) = Step(rule, state, reading, nowMs);
                _states[rule.Id] = next;
                if (transition is not null)
                {
                    transitions.Add(transition);
                }
            }
            return transitions;
        }
    }

    /// <summary>
    /// States that changed in a way worth persisting since the last call (not every value tick): write them with the
    /// transitions of the same evaluation.
    /// </summary>
    public IReadOnlyList<AlertRuleState> TakeChangedStates()
    {
        lock (_lock)
        {
            var changed = _states.Values.Where(s => !_persisted.TryGetValue(s.RuleId, out var p) || !p.SameAs(s)).ToArray();
            foreach (var s in changed)
            {
                _persisted[s.RuleId] = s;
            }
            return changed;
        }
    }

    private AlertReading? Read(AlertRule rule, MarketSnapshot snapshot, long nowMs, ref AlertRuleState state)
    {
        var context = new AlertContext
        {
            Snapshot = snapshot, NowMs = nowMs, State = state, OpenInterest = _openInterest, Levels = _levels, Regimes = _regimes,
            States = _states, Rules = _rules,
        };
        var reading = AlertKinds.For(rule).Read(rule, context);
        state = context.State;
        return reading;
    }

    private static (AlertRuleState State, AlertTransition? Transition) Step(AlertRule rule, AlertRuleState state, AlertReading? reading, long nowMs)
    {
        if (reading is null)
        {
            return (state, null);
        }
        var s = state with { LastValue = reading.Value };
        if (s.Firing)
        {
            if (reading.Breached)
            {
                return (s, null);
            }
            s = s with { Firing = false, SinceMs = nowMs, LastClearedMs = nowMs, BreachedSinceMs = null };
            return (s, Transition(rule, AlertTransitionKind.Cleared, reading, nowMs));
        }
        if (!reading.Breached)
        {
            return (s with { BreachedSinceMs = null }, null);
        }
        var since = s.BreachedSinceMs ?? nowMs;
        s = s with { BreachedSinceMs = since };
        var sustained = nowMs - since >= (long)rule.SustainFor.TotalMilliseconds;
        var cooled = s.LastFiredMs is not { } last || nowMs - last >= (long)rule.Cooldown.TotalMilliseconds;
        if (!sustained || !cooled)
        {
            return (s, null);
        }
        s = s with { Firing = true, SinceMs = nowMs, LastFiredMs = nowMs };
        return (s, Transition(rule, AlertTransitionKind.Fired, reading, nowMs));
    }

    private static AlertTransition Transition(AlertRule rule, AlertTransitionKind kind, AlertReading reading, long nowMs) =>
        new(rule.Id, rule.Name, rule.Kind, kind, reading.Value, reading.Reason, reading.Venue, reading.Asset, nowMs);
}
