namespace FundingWeb.Core.Cluster;

/// <summary>The duties nodes elect a leader for, by name (the advisory lock key is derived from it).</summary>
public static class LeaseNames
{
    /// <summary>Polling one venue: one poller per venue at a time, so extra nodes never multiply the load on its rate limits.</summary>
    public static string Venue(string venueId) => "venue:" + venueId;

    /// <summary>Thinning and dropping old history, once for the whole database.</summary>
    public const string Retention = "retention";
}
