// Blazor loads this initializer by its name. It registers the one custom event the dashboard uses: a click on a
// heatmap cell's button, reported to the table's handler with the cell's venue and asset (see CellSelectEventArgs.cs).
// A click anywhere else in the table reports empty names, which the handler ignores.
export function afterWebStarted(blazor) {
    blazor.registerCustomEventType('cellselect', {
        browserEventName: 'click',
        createEventArgs: event => {
            const button = event.target instanceof Element ? event.target.closest('button.fw-cell-button') : null;
            const cell = button ? button.closest('td[data-venue][data-asset]') : null;
            return { venue: cell ? cell.dataset.venue : '', asset: cell ? cell.dataset.asset : '' };
        },
    });
}
