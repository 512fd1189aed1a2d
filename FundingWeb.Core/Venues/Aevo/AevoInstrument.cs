namespace FundingWeb.Core.Venues.Aevo;

/// <summary>One perpetual from <c>GET /markets?instrument_type=PERPETUAL</c>.</summary>
public sealed record AevoInstrument(
    string Name,
    string BaseAsset,
    double Mark,
    double? Index,
    bool IsActive,
    double MaxLeverage,
    double MaintenanceMargin);
