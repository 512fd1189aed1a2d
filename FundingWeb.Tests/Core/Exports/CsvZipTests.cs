using Xunit;
using System.IO.Compression;
using System.Text;
using FundingWeb.Core.Exports;

namespace FundingWeb.Tests.Core.Exports;

[Trait("Category", "Fast")]
public class CsvZipTests
{
    [Fact]
    public void Create_ThreeFiles_RoundTripsNamesAndContent()
    {
        var files = new[]
        {
            new ExportFile("funding-BTC-7d.csv", "time_utc,value\r\n2025-01-01T00:00:00.000Z,-0.0000125\r\n"),
            new ExportFile("term-structure-BTC", "a,b\r\n"),
            new ExportFile("funding-BTC-7d.csv", "dup\r\n"),
            new ExportFile("../../etc/passwd", "x\r\n"),
        };

        using var archive = new ZipArchive(new MemoryStream(CsvZip.Create(files)), ZipArchiveMode.Read);
        var read = archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var reader = new StreamReader(e.Open(), Encoding.UTF8);
            return reader.ReadToEnd();
        });

        Assert.Equal(["funding-BTC-7d.csv", "term-structure-BTC.csv", "funding-BTC-7d-2.csv", "------etc-passwd.csv"], archive.Entries.Select(e => e.FullName));
        Assert.Equal(files[0].Content, read["funding-BTC-7d.csv"]);
        Assert.Equal("dup\r\n", read["funding-BTC-7d-2.csv"]);
        Assert.DoesNotContain(read.Keys, k => k.Contains('/') || k.Contains(".."));
    }

    [Fact]
    public void Create_Utf8WithoutBom()
    {
        using var archive = new ZipArchive(new MemoryStream(CsvZip.Create([new ExportFile("a.csv", "→")])), ZipArchiveMode.Read);
        using var buffer = new MemoryStream();
        archive.Entries[0].Open().CopyTo(buffer);
        Assert.Equal(Encoding.UTF8.GetBytes("→"), buffer.ToArray());
    }
}
