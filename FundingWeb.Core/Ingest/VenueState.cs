namespace FundingWeb.Core.Ingest;

public enum VenueState
{
    /// <summary>Polls succeed and at least one market was read.</summary>
    Fresh,
    /// <summary>Polls succeed but nothing on the screen comes from this venue: every market failed, or it lists none.</summary>
    Degraded,
    /// <summary>Polls fail, the venue's data lags, or there has been no successful poll yet.</summary>
    Stale,
}
