namespace FundingWeb.Tests.Fixtures;

/// <summary>Recorded venue payloads copied into the test output (Fixtures/&lt;venue&gt;/...).</summary>
public static class FixtureFiles
{
    public static string Path(string venue, string file) =>
        System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", venue, file);

    public static string Read(string venue, string file) => File.ReadAllText(Path(venue, file));
}
