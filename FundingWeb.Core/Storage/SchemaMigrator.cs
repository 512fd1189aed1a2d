using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;

namespace FundingWeb.Core.Storage;

/// <summary>
/// Applies the embedded Schema/NNN_name.sql scripts in order, each in its own transaction, recording the number in
/// PRAGMA user_version. Records the feed mode so a simulated database is never opened by the live feed or vice versa.
/// </summary>
public static partial class SchemaMigrator
{
    public static IReadOnlyList<(int Version, string Name)> Scripts { get; } = LoadScripts().Select(s => (s.Version, s.Name)).ToList();

    public static int LatestVersion => Scripts.Count == 0 ? 0 : Scripts[^1].Version;

    public static int Migrate(SqliteConnectionFactory factory, string feedMode)
    {
        using var connection = factory.Open();
        var current = connection.ExecuteScalar<int>("PRAGMA user_version");
        foreach (var script in LoadScripts().Where(s => s.Version > current))
        {
            using var transaction = connection.BeginTransaction();
            connection.Execute(script.Sql, transaction: transaction);
            connection.Execute($"PRAGMA user_version = {script.Version}", transaction: transaction);
            transaction.Commit();
            current = script.Version;
        }

        var recorded = connection.ExecuteScalar<string?>("SELECT value FROM meta WHERE key = 'feed_mode'");
        if (recorded is null)
        {
            connection.Execute("INSERT INTO meta (key, value) VALUES ('feed_mode', @feedMode)", new { feedMode });
        }
        else if (!string.Equals(recorded, feedMode, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"The database {factory.Path} holds {recorded} data and the feed is {feedMode}. Simulated and live data never share a database: " +
                "point Storage:Path at another file.");
        }
        return current;
    }

    private static IEnumerable<(int Version, string Name, string Sql)> LoadScripts()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Select(name => (name, match: ScriptName().Match(name)))
            .Where(x => x.match.Success)
            .Select(x => (int.Parse(x.match.Groups[1].Value), x.match.Groups[2].Value, Read(assembly, x.name)))
            .OrderBy(x => x.Item1);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"Schema\.(\d+)_(\w+)\.sql$")]
    private static partial Regex ScriptName();
}
