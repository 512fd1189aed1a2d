using Microsoft.AspNetCore.Components;

namespace FundingWeb.Components;

/// <summary>Our custom DOM events (registered in the browser by <c>wwwroot/FundingWeb.lib.module.js</c>).</summary>
[EventHandler("oncellselect", typeof(CellSelectEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
public static class EventHandlers;
