namespace FundingWeb.Tests.Fixtures;

/// <summary>Waits for a condition with a deadline instead of sleeping a fixed time.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, TimeSpan deadline, string what) where T : class
    {
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            if (await probe() is { } value) return value;
            if (DateTime.UtcNow > until) throw new TimeoutException($"Gave up after {deadline.TotalSeconds:0.#} s waiting for {what}.");
            await Task.Delay(25);
        }
    }

    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan deadline, string what)
    {
        var until = DateTime.UtcNow + deadline;
        while (!await condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"Gave up after {deadline.TotalSeconds:0.#} s waiting for {what}.");
            await Task.Delay(25);
        }
    }

    public static Task TrueAsync(Func<bool> condition, TimeSpan deadline, string what) =>
        TrueAsync(() => Task.FromResult(condition()), deadline, what);
}
