namespace FundingWeb.Tests.Fixtures.Venues;

/// <summary>
/// Breaks chosen history pages of a replay: the replay's history routes count their requests here, and a request whose
/// number (1-based, in arrival order) is listed answers 404 instead of its page. <see cref="Heal"/> makes every page answer.
/// </summary>
public sealed class HistoryFaults
{
    private readonly HashSet<int> _failing;
    private int _requests;

    public HistoryFaults(params int[] failingRequests) => _failing = [.. failingRequests];

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Counts one history request; true when it is one of the failing ones.</summary>
    public bool Fails()
    {
        var n = Interlocked.Increment(ref _requests);
        lock (_failing) return _failing.Contains(n);
    }

    public void Heal()
    {
        lock (_failing) _failing.Clear();
    }
}
