namespace FundingWeb.Core.Depth;

/// <summary>Whether a book has a mid to measure slippage against.</summary>
public enum BookState
{
    /// <summary>Both sides present, best bid below best ask.</summary>
    Normal,
    /// <summary>No usable level on either side.</summary>
    Empty,
    /// <summary>One side has no usable level: there is no mid.</summary>
    OneSided,
    /// <summary>Best bid at or above best ask (crossed or locked): the snapshot is inconsistent, there is no honest mid.</summary>
    Crossed,
}
