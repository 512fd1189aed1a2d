using System.Text;

namespace FundingWeb.Tests.Core.Exports;

/// <summary>A strict RFC 4180 reader for tests: CRLF rows, quoted fields with doubled quotes.</summary>
public static class Rfc4180
{
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var i = 0;
        var quoted = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i += 2; continue; }
                if (c == '"') { quoted = false; i++; continue; }
                cell.Append(c);
                i++;
                continue;
            }
            switch (c)
            {
                case '"' when cell.Length == 0: quoted = true; i++; break;
                case ',': row.Add(cell.ToString()); cell.Clear(); i++; break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    row.Add(cell.ToString()); cell.Clear(); rows.Add([.. row]); row.Clear(); i += 2; break;
                case '\r' or '\n' or '"': throw new FormatException($"Bare {(int)c} at {i}: not RFC 4180.");
                default: cell.Append(c); i++; break;
            }
        }
        if (quoted) throw new FormatException("Unterminated quote.");
        if (cell.Length > 0 || row.Count > 0) throw new FormatException("Last row lacks CRLF.");
        return rows;
    }
}
