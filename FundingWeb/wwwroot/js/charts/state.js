// What the module keeps per chart besides the engine: its own copy of the series, the stamps tests and the freshness
// benchmark read off the element, the inspector, and how a failure shows.
import { plotWidthOf } from './option.js';

// A chart that fails to draw says so in place and in the console; it never takes the page down with it.
export function failed(element, error) {
  console.error('chart failed', element?.dataset?.testid, error);
  if (element) element.dataset.error = String(error?.message ?? error);
}

function lastX(series) {
  let last = null;
  for (const s of series) {
    const p = s.data?.[s.data.length - 1];
    if (Array.isArray(p) && (last === null || p[0] > last)) last = p[0];
  }
  return last;
}

export function stamp(element, state) {
  element.dataset.updates = String(state.updates);
  const last = lastX(state.series);
  if (state.spec.xType === 'datetime' && last !== null) element.dataset.lastPointMs = String(last);
}

// What tests and the benchmark read, engine-independent: the names, the points, the shape.
export function inspector(state) {
  return {
    get instance() { return state.chart; },
    describe: () => ({
      seriesNames: state.series.map(s => s.name),
      seriesIds: state.series.map(s => s.id),
      points: state.series.reduce((n, s) => n + (s.data?.length ?? 0), 0),
      data: Object.fromEntries(state.series.map(s => [s.name, s.data])),
      stacked: !!state.spec.stacked || state.series.some(s => !!s.stack),
      yTitle: state.spec.yTitle ?? '',
      xTitle: state.spec.xTitle ?? '',
      updates: state.updates,
      // Full redraws of a live chart, and the live points drawn over it since the last one.
      folds: state.folds,
      markers: (state.xLines ?? []).map(l => ({ value: l.value, label: l.label })),
      tailPoints: state.layer?.tailPoints(state) ?? 0,
      // What the layer drew of data it draws (the ladder, charts/bars.js): per series name, bars [x, bottom, top], points [x, y].
      layerDrawn: state.layer?.drawn ?? null,
      layerMarkers: state.layer?.marks.describe() ?? [],
      width: state.chart.getWidth(),
      height: state.chart.getHeight(),
    }),
  };
}

// The module's own copy of each series: the data as sent (what tests, exports and the inspector read) and its thinning target.
export function own(series, spec, width) {
  const target = spec.kind === 'bar' || spec.xType !== 'datetime' ? 0 : Math.max(300, Math.round(plotWidthOf(width)));
  return series.map(s => ({ ...s, data: [...(s.data ?? [])], drawn: null, drawnCount: 0, target, live: !!s.live, marker: !!s.marker,
    mutable: false, folded: undefined }));
}
