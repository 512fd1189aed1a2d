// Our one chart module, over Apache ECharts 6 (lib/echarts, Apache-2.0). The server sends a chart's shape (spec) and
// its series once; afterwards a live tick sends only new points for a series id ({ id, points }), which are appended
// here and trimmed to the view's window, and a rebuild of the same series sends only the points that changed
// (charts/patch.js). Only a change of shape rebuilds the chart. How it looks: charts/option.js; how live series stay
// cheap on a tick: charts/live.js; the ladder, whose data our layer draws: charts/bars.js and charts/tip.js; the
// module's own copy of the series and what tests read: charts/state.js; pictures: charts/exports.js; files: charts/files.js.
import * as echarts from '../lib/echarts/echarts.esm.min.mjs';
import { axesOf, barWidthOf, buildOption, fontFamily, hasData, markLines, marksId, palette, patchOption, plotWidthOf, seriesData, themeColors } from './charts/option.js';
import { extentOf, sameExtent, settledExtent } from './charts/extent.js';
import { legendLines } from './charts/legend.js';
import { LiveLayer, layerKind, maxTail } from './charts/live.js';
import { applyPatches } from './charts/patch.js';
import { failed, inspector, own, stamp } from './charts/state.js';
import { LayerTip } from './charts/tip.js';
import { downloadPngOf, downloadSvgOf, svgStringOf } from './charts/exports.js';

export { downloadBase64, downloadText } from './charts/files.js';

// The extent is read when used (a tooltip shows long after its option was built, and a patch may have moved the axes).
function context(state) {
  return { spec: state.spec, series: state.series, mode: state.mode, xLines: state.xLines, width: state.chart.getWidth(), get extent() { return state.extent; },
    lookup: (id) => state.series.find(s => s.id === id), markersOnLayer: !!state.layer && !!state.spec.liveMarkers,
    dataOnLayer: state.layer?.kind === 'bars' };
}

function barWidth(state) {
  return barWidthOf(state.spec, state.series, plotWidthOf(state.chart.getWidth()));
}

function drawLayer(state, markersOnly = false) {
  if (!state.layer) return;
  state.colors = themeColors(state.mode);
  state.fontFamily = fontFamily;
  state.layer.markers = state.spec.liveMarkers ? (state.xLines ?? []) : [];
  state.layer.draw(state, state.spec.colors?.length ? state.spec.colors : palette, markersOnly);
}

// Everything the engine holds, redrawn: the chart's first draw, new data or theme, and a live chart's fold.
function prepare(state) {
  if (!state.layer) return;
  state.extent = extentOf(state);
  state.folds++;
  if (state.layer.kind === 'markers' || state.layer.kind === 'bars') return;
  // A live series' newest point may be replaced by the next tick (see put): the engine gets the points before it and
  // the layer draws the newest. So also right after a load, whose newest point is often the bucket still filling (the
  // current hour's open interest): had the engine drawn it, the first tick that moved it would have been a full redraw.
  for (const s of state.series) {
    if (!s.live) continue;
    s.folded = Math.max(0, s.data.length - 1);
    s.drawn = null;
  }
}

function redraw(state) {
  prepare(state);
  state.lines = legendLines(state.series.map(s => s.name), state.chart.getWidth(), fontFamily);
  state.chart.setOption(buildOption(context(state)), { notMerge: true });
  state.barWidth = barWidth(state);
  state.hasData = hasData(state.series);
  drawLayer(state);
}

// A fold keeps what the user did (zoom, legend choices): only the axes and the live series' data change.
function fold(state) {
  prepare(state);
  const option = buildOption(context(state));
  const ids = new Set(state.series.filter(s => s.live || s.marker).map(s => s.id));
  state.chart.setOption({ xAxis: option.xAxis, yAxis: option.yAxis, series: option.series.filter(s => ids.has(s.id)) }, { silent: true });
  drawLayer(state);
}

function observeSize(element, state) {
  if (typeof ResizeObserver === 'undefined') return;
  state.resize = new ResizeObserver(() => {
    if (!state.chart || state.chart.isDisposed()) return;
    state.chart.resize();
    // The legend may wrap differently at the new width: the plot moves with it.
    if (legendLines(state.series.map(s => s.name), state.chart.getWidth(), fontFamily) !== state.lines) redraw(state);
    state.layer?.size();
    drawLayer(state);
  });
  state.resize.observe(element);
}

function listen(state) {
  if (!state.layer) return;
  state.chart.on('datazoom', (e) => {
    state.layer.zoomed(e);
    drawLayer(state);
  });
  state.chart.on('legendselectchanged', (e) => {
    state.layer.hidden = new Set(Object.entries(e.selected ?? {}).filter(([, on]) => !on).map(([name]) => name));
    drawLayer(state);
  });
}

export function create(element, spec, series, mode) {
  destroy(element);
  try {
    element.style.height = `${spec.height ?? 320}px`;
    element.style.position = 'relative';
    const chart = echarts.init(element, null, { renderer: 'canvas' });
    const mine = own(series, spec, chart.getWidth());
    const state = { chart, spec, series: mine, mode, xLines: spec.xLines, updates: 0, folds: 0, extent: null, lines: 0, layer: null };
    const kind = layerKind(spec, mine);
    if (kind) state.layer = new LiveLayer(element, chart, kind);
    if (kind === 'bars') {
      const layer = state.layer;
      state.tip = new LayerTip(element, chart, () => ({ state, projection: layer.projected, drawn: layer.drawn, width: layer.barWidth, colors: layer.colors }));
    }
    redraw(state);
    listen(state);
    element.__fwState = state;
    element.__fwChart = inspector(state);
    observeSize(element, state);
    stamp(element, state);
  } catch (error) {
    failed(element, error);
  }
}

function setData(state, ids) {
  const patch = state.series.filter(s => ids.has(s.id)).map(s => {
    s.drawn = null;
    return { id: s.id, data: seriesData(s, state.extent) };
  });
  state.chart.setOption({ series: patch, graphic: [{ id: 'nodata', invisible: hasData(state.series) }] }, { silent: true });
}

// A user action (new range, new asset) that keeps the shape: every series' data replaced at once.
export function replace(element, series, xLines) {
  const state = element?.__fwState;
  if (!state) return;
  try {
    state.series = own(series, state.spec, state.chart.getWidth());
    if (xLines) state.xLines = xLines;
    state.updates++;
    redraw(state);
    stamp(element, state);
  } catch (error) {
    failed(element, error);
  }
}

// A same-shape rebuild sent as its changes (charts/patch.js). The engine gets the touched series' data merged, so zoom
// and legend choices stay, with the axes and bar widths only when they moved; no full redraw. A chart with live tails
// folds instead: its layer counts its tails from the data the engine holds.
export function patch(element, patches, xLines) {
  const state = element?.__fwState;
  if (!state) return;
  try {
    const touched = applyPatches(state.series, patches);
    if (touched.length === 0) {
      if (xLines) setMarkers(element, xLines);
      return;
    }
    if (xLines) state.xLines = xLines;
    state.updates++;
    if (state.layer?.kind === 'bars') patchLayer(state);
    else if (state.layer && state.layer.kind !== 'markers') {
      fold(state);
      if (xLines && !state.spec.liveMarkers) engineMarkers(state, xLines);
    } else {
      const extent = state.layer ? extentOf(state) : null;
      const moved = { axes: !sameExtent(extent, state.extent), xLines: xLines && !(state.layer && state.spec.liveMarkers) ? xLines : null };
      state.extent = extent;
      const width = barWidth(state);
      if (width !== state.barWidth) moved.barWidth = state.barWidth = width;
      state.chart.setOption(patchOption(context(state), touched, moved), { silent: true });
      drawLayer(state);
    }
    stamp(element, state);
  } catch (error) {
    failed(element, error);
  }
}

// A rebuild of data our layer draws: the engine hears of it only when the axes must move (charts/extent.js
// settledExtent) or the chart goes from empty to not or back; otherwise the layer repaints and that is all.
function patchLayer(state) {
  const next = settledExtent(state.extent, extentOf(state));
  const moved = !sameExtent(next, state.extent);
  state.extent = next;
  const update = moved ? axesOf(context(state)) : {};
  const has = hasData(state.series);
  if (has !== state.hasData) update.graphic = [{ id: 'nodata', invisible: has }];
  state.hasData = has;
  if (Object.keys(update).length > 0) state.chart.setOption(update, { silent: true });
  drawLayer(state);
}

// One live point into a series. Returns the index written, or -1 when the point is ignored:
// - older than the series' newest: ignored, so a repeated tick is harmless;
// - at the newest's time: replaces it, and it is now a live newest (a bucket that is still filling, like the current
//   hour's open interest);
// - within mergeMs of the point before a live newest: replaces that newest, so a long view gets one point per bucket
//   and its newest point still moves with every tick;
// - otherwise appended, and it is the live newest.
function put(s, p, mergeMs) {
  if (!Array.isArray(p) || p.length < 2 || !Number.isFinite(p[0])) return -1;
  const n = s.data.length;
  const tail = s.data[n - 1];
  if (Array.isArray(tail)) {
    if (p[0] < tail[0]) return -1;
    const before = s.data[n - 2];
    if (p[0] === tail[0] || (s.mutable && mergeMs > 0 && Array.isArray(before) && p[0] - before[0] < mergeMs)) {
      s.data[n - 1] = p;
      s.mutable = true;
      return n - 1;
    }
  }
  s.data.push(p);
  s.mutable = true;
  return n;
}

// Nothing older than windowMs before the series' newest point, and at most maxPoints. Returns how many were cut.
function trim(s, windowMs, maxPoints) {
  let cut = 0;
  if (windowMs !== null && s.data.length) {
    const floor = s.data[s.data.length - 1][0] - windowMs;
    while (cut < s.data.length && Array.isArray(s.data[cut]) && s.data[cut][0] < floor) cut++;
  }
  cut = Math.max(cut, s.data.length - maxPoints);
  if (cut > 0) s.data.splice(0, cut);
  return Math.max(0, cut);
}

// True when a live point left the room the axes keep, or a tail grew long: the engine has to draw it.
function mustFold(state, ids) {
  const { x, y } = state.extent ?? {};
  if (!x) return true;
  const live = state.series.filter(s => s.live);
  for (const s of live) {
    if (!ids.has(s.id)) continue;
    if (s.folded === undefined || s.folded === 0 || s.data.length - s.folded > maxTail) return true;
    for (let j = Math.max(0, s.folded - 1); j < s.data.length; j++) {
      const p = s.data[j];
      if (!Array.isArray(p)) continue;
      if (p[0] > x.max || p[0] < x.min) return true;
      if (state.layer.kind === 'lines' && p[1] !== null && (p[1] > y.max || p[1] < y.min)) return true;
    }
  }
  if (state.layer.kind === 'stack') {
    const from = Math.max(0, Math.min(...live.map(s => s.folded ?? 0)) - 1);
    const n = Math.max(...live.map(s => s.data.length));
    for (let j = from; j < n; j++) {
      const total = live.reduce((sum, s) => sum + (s.data[j]?.[1] ?? 0), 0);
      if (total > y.max || total < y.min) return true;
    }
  }
  return false;
}

// A live tick: each entry puts its points into the series with that id (see put), then keeps at most maxPoints and
// nothing older than windowMs before the newest. A live chart draws the new points over itself (charts/live.js); any
// other chart gets the touched series' data.
export function append(element, appends, options) {
  const state = element?.__fwState;
  if (!state) return;
  try {
    const maxPoints = options?.maxPoints ?? 2000;
    const windowMs = options?.windowMs ?? null;
    const mergeMs = options?.mergeMs ?? 0;
    const touched = new Set();
    let refold = false;
    for (const { id, points } of appends ?? []) {
      const s = state.series.find(x => x.id === id);
      if (!s || !Array.isArray(points)) continue;
      for (const p of points) {
        const at = put(s, p, mergeMs);
        if (at < 0) continue;
        touched.add(id);
        // A point the engine already drew was replaced: only a redraw shows it.
        if (s.folded !== undefined && at < s.folded) refold = true;
      }
      const cut = trim(s, windowMs, maxPoints);
      if (cut > 0) {
        s.drawn = null;
        if (s.folded !== undefined) s.folded = Math.max(0, s.folded - cut);
      }
    }
    if (options?.xLines) setMarkers(element, options.xLines);
    if (touched.size === 0) return;
    state.updates++;
    if (state.layer?.kind === 'bars') patchLayer(state);
    else if (!state.layer || state.layer.kind === 'markers') setData(state, touched);
    else if (refold || mustFold(state, touched)) fold(state);
    else drawLayer(state);
    stamp(element, state);
  } catch (error) {
    failed(element, error);
  }
}

// Markers that move with the data (the ladder's "price now") without touching any series: drawn over the chart when
// its spec says they move live (no engine redraw), else as the engine's marker lines.
export function setMarkers(element, xLines) {
  const state = element?.__fwState;
  if (!state) return;
  try {
    state.xLines = xLines;
    if (state.layer && state.spec.liveMarkers) drawLayer(state, true);
    else engineMarkers(state, xLines);
  } catch (error) {
    failed(element, error);
  }
}

function engineMarkers(state, xLines) {
  state.chart.setOption({ series: [{ id: marksId, markLine: { data: markLines(state.spec, xLines, themeColors(state.mode)) } }] }, { silent: true });
}

// Pictures: charts/exports.js.
const pictureOps = { fold, engineMarkers, barWidth };

export function downloadPng(element, fileName) {
  const state = element?.__fwState;
  if (state) downloadPngOf(state, fileName, pictureOps);
}

export function svgString(element) {
  const state = element?.__fwState;
  return state ? svgStringOf(state, context) : null;
}

export function downloadSvg(element, fileName) {
  const state = element?.__fwState;
  if (state) downloadSvgOf(state, fileName, context);
}

export function destroy(element) {
  const state = element?.__fwState;
  if (!state) return;
  state.resize?.disconnect();
  state.tip?.dispose();
  state.layer?.dispose();
  state.chart.dispose();
  delete element.__fwState;
  delete element.__fwChart;
}

// Light/dark: the theme lives on <html data-theme>, chosen by the user and remembered per browser.
export function getTheme() {
  return document.documentElement.dataset.theme ?? 'dark';
}
