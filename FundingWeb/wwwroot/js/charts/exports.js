// A chart's pictures, made in the browser (nothing but a click travels to the server). The PNG is the engine's own
// drawing, so whatever our layer draws (live tails, the ladder's data, moving markers) is first handed to the engine
// and taken back after; the SVG is an SVG-renderer twin of the same option with every point, rendered off-screen.
// charts.js passes in what these need of a chart (its fold, its engine markers, its bar width, its option context).
import * as echarts from '../../lib/echarts/echarts.esm.min.mjs';
import { buildOption, seriesData, themeColors } from './option.js';
import { extentOf } from './extent.js';
import { save } from './files.js';

/** ops: { fold(state), engineMarkers(state, xLines), barWidth(state) }. */
export function downloadPngOf(state, fileName, ops) {
  if (state.layer && state.layer.kind !== 'markers' && state.layer.tailPoints(state) > 0) ops.fold(state);
  const markers = !!state.layer && !!state.spec.liveMarkers;
  const onLayer = state.layer?.kind === 'bars';
  if (markers) ops.engineMarkers(state, state.xLines);
  if (onLayer) engineData(state, true, ops.barWidth(state));
  const url = state.chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: themeColors(state.mode).panel });
  if (onLayer) engineData(state, false, ops.barWidth(state));
  if (markers) ops.engineMarkers(state, []);
  save(url, fileName);
}

// The data our layer draws, given to the engine for a picture (on) and taken back after it (off).
function engineData(state, on, width) {
  state.chart.setOption({ series: state.series.map((s, i) => ({ id: s.id ?? `s${i}`, data: on ? seriesData(s, state.extent) : [],
    ...(width !== undefined && (s.type ?? state.spec.kind) === 'bar' ? { barWidth: width } : {}) })) }, { silent: true });
}

/** context(state): the option context charts.js builds its own option from. */
export function svgStringOf(state, context) {
  const twin = echarts.init(null, null, { renderer: 'svg', ssr: true, width: state.chart.getWidth(), height: state.chart.getHeight() });
  try {
    const copy = { ...state, series: state.series.map(s => ({ ...s, folded: undefined, drawn: null, drawnCount: 0 })), layer: null };
    if (state.layer) copy.extent = extentOf(copy);
    const option = buildOption(context(copy));
    option.backgroundColor = themeColors(state.mode).panel;
    twin.setOption(option);
    return twin.renderToSVGString();
  } finally {
    twin.dispose();
  }
}

export function downloadSvgOf(state, fileName, context) {
  const url = URL.createObjectURL(new Blob([svgStringOf(state, context)], { type: 'image/svg+xml;charset=utf-8' }));
  save(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
