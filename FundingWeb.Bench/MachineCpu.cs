namespace FundingWeb.Bench;

/// <summary>
/// CPU time from /proc (Linux; elsewhere every reading is null): the whole machine's busy share, and the time spent by
/// Chromium's processes (browser, GPU, network, every renderer) — on a 2-core machine that shares its cores with the app,
/// the browsers' own cost per tick is what an end-to-end tail is made of.
/// </summary>
public sealed class MachineCpu
{
    private readonly (long Busy, long Total)? _machine;
    private readonly long? _chromium;

    private MachineCpu((long, long)? machine, long? chromium) => (_machine, _chromium) = (machine, chromium);

    public static MachineCpu Now() => new(Machine(), Chromium());

    /// <summary>Busy share of all cores since <paramref name="start"/>, in %.</summary>
    public double? BusySince(MachineCpu start) =>
        _machine is { } now && start._machine is { } then && now.Total > then.Total ? 100.0 * (now.Busy - then.Busy) / (now.Total - then.Total) : null;

    /// <summary>Chromium's CPU time since <paramref name="start"/>, in ms (processes that ended meanwhile are not counted).</summary>
    public double? ChromiumMsSince(MachineCpu start) =>
        _chromium is { } now && start._chromium is { } then ? (now - then) * 1000.0 / ClockTicks : null;

    // USER_HZ: 100 on every Linux this runs on.
    private const double ClockTicks = 100;

    private static (long, long)? Machine()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
            // user nice system idle iowait irq softirq steal
            var idle = fields[3] + fields[4];
            var total = fields.Take(8).Sum();
            return (total - idle, total);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static long? Chromium()
    {
        if (!Directory.Exists("/proc")) return null;
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (!int.TryParse(Path.GetFileName(dir), out _)) continue;
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var close = stat.LastIndexOf(')');
                var name = stat[(stat.IndexOf('(') + 1)..close];
                if (name != "chromium") continue;
                // After the name: state is field 3, utime 14 and stime 15.
                var rest = stat[(close + 2)..].Split(' ');
                ticks += long.Parse(rest[11]) + long.Parse(rest[12]);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
            {
                // A process that ended while it was read.
            }
        }
        return ticks;
    }
}
