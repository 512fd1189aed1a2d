using System.IO.Compression;
using System.Text;

namespace FundingWeb.Core.Exports;

/// <summary>One file of a "download all" archive.</summary>
public sealed record ExportFile(string FileName, string Content);

/// <summary>"Download all": the view's CSVs in one zip, UTF-8 without a byte-order mark, names made safe and unique.</summary>
public static class CsvZip
{
    public static byte[] Create(IEnumerable<ExportFile> files)
    {
        using var buffer = new MemoryStream();
        Write(buffer, files);
        return buffer.ToArray();
    }

    public static void Write(Stream output, IEnumerable<ExportFile> files)
    {
        using var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            var name = UniqueName(SafeName(file.FileName), used);
            var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
            using var stream = entry.Open();
            using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            writer.Write(file.Content);
        }
    }

    /// <summary>Only letters, digits, '-' and '_' before ".csv", so an entry can never name a path outside the folder it unpacks to.</summary>
    public static string SafeName(string fileName)
    {
        var stem = fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? fileName[..^4] : fileName;
        var name = new string(stem.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
        return (name.Length == 0 ? "export" : name) + ".csv";
    }

    private static string UniqueName(string name, HashSet<string> used)
    {
        var candidate = name;
        for (var i = 2; !used.Add(candidate); i++) candidate = $"{Path.GetFileNameWithoutExtension(name)}-{i}.csv";
        return candidate;
    }
}
