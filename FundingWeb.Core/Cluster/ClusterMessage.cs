namespace FundingWeb.Core.Cluster;

/// <summary>
/// One notification between nodes: ids and versions only, never data (a receiver re-reads the database).
/// Wire form <c>node|kind|data</c> on PostgreSQL channel <see cref="ClusterChannel.Name"/>.
/// </summary>
public sealed record ClusterMessage(string Node, string Kind, string Data)
{
    public const string Poll = "poll";
    public const string Alerts = "alerts";
    public const string Rules = "rules";
    public const string Share = "share";
    public const string Session = "session";

    public string Encode() => $"{Node}|{Kind}|{Data}";

    /// <summary>Null for anything not of our shape (another application on the channel, a truncated payload).</summary>
    public static ClusterMessage? Decode(string? payload)
    {
        if (string.IsNullOrEmpty(payload)) return null;
        var parts = payload.Split('|', 3);
        return parts.Length == 3 && parts[0].Length > 0 && parts[1].Length > 0 ? new ClusterMessage(parts[0], parts[1], parts[2]) : null;
    }
}
