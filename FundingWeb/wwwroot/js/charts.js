// Our one chart module, over Apache ECharts 6 (lib/echarts, Apache-2.0). The server sends a chart's shape (spec) and
// its series once; afterwards a live tick sends only new points for a series id ({ id, points }), which are appended
// here and trimmed to the view's window. Only a change of shape rebuilds the chart.
import * as echarts from '../lib/echarts/echarts.esm.min.mjs';

const palette = ['#60a5fa', '#f59e0b', '#34d399', '#f472b6', '#a78bfa', '#22d3ee', '#fb7185', '#facc15', '#94a3b8'];
const marksId = '__marks';

function themeColors(mode) {
  return mode === 'light'
    ? { text: '#1f2937', grid: '#e5e7eb', muted: '#4b5563', panel: '#ffffff', axis: '#9ca3af' }
    : { text: '#e6edf3', grid: '#263142', muted: '#8b9bb0', panel: '#161d27', axis: '#3b475a' };
}

function formatter(spec) {
  const decimals = spec.yDecimals ?? 2;
  const unit = spec.yUnit ?? '';
  return (v) => (v === null || v === undefined || Number.isNaN(v)) ? '–' : `${Number(v).toFixed(decimals)}${unit}`;
}

function xFormatter(spec) {
  if (spec.xType !== 'numeric') return undefined;
  const decimals = spec.xDecimals ?? 2;
  return (v) => Number(v).toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

function utcLabel(ms) {
  const d = new Date(ms);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())} UTC`;
}

// The tooltip line of one point: the value at the page's basis, the market, and the raw number in the venue's convention.
function describePoint(series, value, fmt) {
  const meta = series?.meta;
  const text = fmt(value);
  if (!meta || value === null || value === undefined) return text;
  const raw = meta.rawPerDisplayed ? ` · raw ${(value * meta.rawPerDisplayed).toPrecision(4)} ${meta.unit} per ${meta.intervalHours}h` : '';
  return `${text} · ${meta.market}${raw}`;
}

function markLines(spec, xLines, c) {
  const line = (l, axis) => ({
    [axis]: l.value,
    name: l.label,
    lineStyle: { color: l.color ?? c.muted, type: 'dashed', width: 1 },
    // Labels sit on a panel-coloured box so lines passing behind them never make them unreadable.
    label: { formatter: l.label, color: c.muted, backgroundColor: c.panel, borderColor: c.grid, borderWidth: 1, padding: [1, 4],
      position: 'insideEndTop' },
  });
  return [...(spec.yLines ?? []).map(l => line(l, 'yAxis')), ...((xLines ?? spec.xLines) ?? []).map(l => line(l, 'xAxis'))];
}

// Largest-Triangle-Three-Buckets (Steinarsson, 2013): keeps the first and last point and, per bucket, the point that
// spans the largest triangle with its neighbours, so peaks and troughs survive. Points are [x, y]; gaps (null y) are kept.
function lttb(data, threshold) {
  if (threshold >= data.length || threshold < 3) return data;
  const out = [data[0]];
  const every = (data.length - 2) / (threshold - 2);
  let a = 0;
  for (let i = 0; i < threshold - 2; i++) {
    const start = Math.floor((i + 1) * every) + 1;
    const end = Math.min(Math.floor((i + 2) * every) + 1, data.length);
    let ax = 0, ay = 0, n = 0;
    for (let j = start; j < end; j++) { const p = data[j]; if (Array.isArray(p) && p[1] !== null) { ax += p[0]; ay += p[1]; n++; } }
    if (n > 0) { ax /= n; ay /= n; }
    const from = Math.floor(i * every) + 1;
    const to = Math.floor((i + 1) * every) + 1;
    let best = -1, pick = from;
    const pa = data[a];
    for (let j = from; j < to; j++) {
      const p = data[j];
      if (!Array.isArray(p) || p[1] === null) { pick = j; best = Infinity; break; }
      const area = Math.abs((pa[0] - ax) * (p[1] - pa[1]) - (pa[0] - p[0]) * (ay - pa[1]));
      if (area > best) { best = area; pick = j; }
    }
    out.push(data[pick]);
    a = pick;
  }
  out.push(data[data.length - 1]);
  return out;
}

// What the engine draws: a line series thinned to about one point per pixel of the plot (the server already sends
// ≤ 2,000 points per series; drawing more than the plot's pixels costs time and shows nothing more). Kept with the
// series so a tick appends to it instead of thinning again; re-thinned once it grows a quarter past its target.
function drawnOf(s) {
  if (!Array.isArray(s.data) || s.data.length === 0 || !Array.isArray(s.data[0]) || !(s.target > 0)) return s.data;
  if (!s.drawn || s.drawn.length > s.target * 1.25) s.drawn = lttb(s.data, s.target);
  return s.drawn;
}

function seriesOption(spec, s, i, colors, barWidth) {
  const kind = s.type ?? spec.kind ?? 'line';
  const type = kind === 'area' ? 'line' : kind;
  const dash = spec.dashArray?.[i] ?? 0;
  const option = {
    id: s.id ?? `s${i}`,
    name: s.name,
    type,
    data: drawnOf(s),
    color: colors[i % colors.length],
    showSymbol: (spec.markers ?? 0) > 0 || type === 'scatter',
    symbolSize: type === 'scatter' ? 9 : (spec.markers ?? 4),
    connectNulls: false,
    animation: false,
    emphasis: { focus: 'series' },
    meta: s.meta,
  };
  if (type === 'line') {
    option.lineStyle = { width: spec.strokeWidth ?? 1.6, type: dash > 0 ? [dash, dash] : 'solid' };
    option.smooth = spec.curve === 'smooth';
    // Thinned here once to the plot's width (see drawnOf), not by the engine on every update.
    option.sampling = 'none';
    // Live series draw on their own canvas layer, so a tick repaints them and not the static history.
    if (s.live) option.zlevel = 1;
  }
  if (kind === 'area') option.areaStyle = { opacity: 0.35 };
  if (spec.stacked && type !== 'scatter') option.stack = 'total';
  if (type === 'bar') {
    // Bars on a numeric (price) axis: one bin wide, so neighbouring bins touch instead of shrinking to hairlines;
    // measured and modelled bars of one bin overlap rather than squeeze side by side.
    option.barWidth = barWidth;
    option.barGap = '-100%';
  }
  return option;
}

// The plot's width over the span of the bins gives a bin's width in pixels.
function barWidthOf(spec, series, plotWidth) {
  if (spec.kind !== 'bar' || spec.xType !== 'numeric' || !plotWidth) return undefined;
  const xs = [...new Set(series.filter(s => (s.type ?? 'bar') === 'bar').flatMap(s => (s.data ?? []).filter(Array.isArray).map(p => p[0])))].sort((a, b) => a - b);
  if (xs.length < 2) return 8;
  let step = Infinity;
  for (let i = 1; i < xs.length; i++) if (xs[i] - xs[i - 1] > 1e-9 * Math.abs(xs[i])) step = Math.min(step, xs[i] - xs[i - 1]);
  const span = xs[xs.length - 1] - xs[0] + step;
  return Math.max(1, Math.floor(plotWidth * step / span * 0.9));
}

function hasData(series) {
  return series.some(s => (s.data?.length ?? 0) > 0);
}

function buildOption(spec, series, mode, xLines, plotWidth) {
  const c = themeColors(mode);
  const isTime = spec.xType === 'datetime';
  const isCategory = spec.xType === 'category';
  const fmt = formatter(spec);
  const colors = spec.colors?.length ? spec.colors : palette;
  const list = series.map((s, i) => seriesOption(spec, s, i, colors, barWidthOf(spec, series, plotWidth)));
  const marks = markLines(spec, xLines, c);
  // A series without data carries the marker lines, so they survive data updates and never join the legend.
  list.push({ id: marksId, type: 'line', data: [], silent: true, animation: false, markLine: { symbol: 'none', silent: true, animation: false, data: marks } });
  const valueAxis = {
    type: 'value',
    name: spec.yTitle ?? '',
    nameLocation: 'middle',
    nameGap: 56,
    nameTextStyle: { color: c.muted },
    scale: !spec.stacked && spec.kind !== 'bar',
    axisLabel: { color: c.muted, formatter: fmt },
    splitLine: { lineStyle: { color: c.grid, type: 'dashed' } },
  };
  const categoryAxis = {
    type: isTime ? 'time' : isCategory ? 'category' : 'value',
    data: isCategory ? spec.categories : undefined,
    name: spec.xTitle ?? '',
    nameLocation: 'middle',
    nameGap: 28,
    nameTextStyle: { color: c.muted },
    // A numeric (price) axis picks round ticks itself; min/max stay the data's so bars fill the plot.
    scale: !isTime && !isCategory,
    axisLabel: { color: c.muted, formatter: xFormatter(spec), hideOverlap: true },
    axisLine: { lineStyle: { color: c.axis } },
    splitLine: { show: false },
  };
  return {
    useUTC: true,
    animation: false,
    backgroundColor: 'transparent',
    // Single quotes only: the SVG export writes this into a double-quoted attribute.
    textStyle: { color: c.text, fontFamily: "Inter, 'Segoe UI', system-ui, sans-serif" },
    color: colors,
    // The legend sits above the plot; the zoom slider below it: the two never overlap.
    legend: { type: 'scroll', top: 0, left: 0, right: 0, textStyle: { color: c.text }, pageTextStyle: { color: c.muted },
      data: series.map(s => s.name), inactiveColor: c.axis },
    grid: { left: gridLeft, right: gridRight, top: 36, bottom: isTime ? 72 : 48, containLabel: false },
    tooltip: {
      trigger: spec.sharedTooltip === false || !isTime ? 'item' : 'axis',
      confine: true,
      backgroundColor: c.panel,
      borderColor: c.grid,
      textStyle: { color: c.text, fontSize: 12 },
      formatter: (params) => {
        const items = Array.isArray(params) ? params : [params];
        if (items.length === 0) return '';
        const first = items[0];
        const x = Array.isArray(first.value) ? first.value[0] : first.name;
        const head = isTime ? utcLabel(x) : (xFormatter(spec)?.(x) ?? x);
        const lines = items.filter(p => p.seriesId !== marksId).map(p => {
          const y = Array.isArray(p.value) ? p.value[1] : p.value;
          const s = list.find(o => o.id === p.seriesId);
          return `${p.marker}${p.seriesName}: ${describePoint(s, y, fmt)}`;
        });
        return [head, ...lines].join('<br/>');
      },
    },
    dataZoom: isTime ? [{ type: 'inside', xAxisIndex: 0, filterMode: 'none' },
      { type: 'slider', xAxisIndex: 0, height: 16, bottom: 8, filterMode: 'none', borderColor: c.grid, textStyle: { color: c.muted },
        labelFormatter: (v) => utcLabel(v) }] : [],
    xAxis: spec.horizontal ? valueAxis : categoryAxis,
    yAxis: spec.horizontal ? categoryAxis : valueAxis,
    series: list,
    graphic: [{ id: 'nodata', type: 'text', left: 'center', top: 'middle', silent: true, invisible: hasData(series),
      style: { text: spec.noData ?? 'No data in this range', fill: c.muted, fontSize: 13 } }],
  };
}

// A chart that fails to draw says so in place and in the console; it never takes the page down with it.
function failed(element, error) {
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

function stamp(element, state) {
  element.dataset.updates = String(state.updates);
  const last = lastX(state.series);
  if (state.spec.xType === 'datetime' && last !== null) element.dataset.lastPointMs = String(last);
}

// What tests and the benchmark read, engine-independent: the names, the points, the shape.
function inspector(state) {
  return {
    get instance() { return state.chart; },
    describe: () => ({
      seriesNames: state.series.map(s => s.name),
      seriesIds: state.series.map(s => s.id),
      points: state.series.reduce((n, s) => n + (s.data?.length ?? 0), 0),
      data: Object.fromEntries(state.series.map(s => [s.name, s.data])),
      stacked: !!state.spec.stacked,
      yTitle: state.spec.yTitle ?? '',
      xTitle: state.spec.xTitle ?? '',
      updates: state.updates,
      width: state.chart.getWidth(),
      height: state.chart.getHeight(),
    }),
  };
}

const gridLeft = 72;
const gridRight = 24;

function plotWidthOf(chart) {
  return Math.max(0, chart.getWidth() - gridLeft - gridRight);
}

function observeSize(element, state) {
  if (typeof ResizeObserver === 'undefined') return;
  state.resize = new ResizeObserver(() => state.chart && !state.chart.isDisposed() && state.chart.resize());
  state.resize.observe(element);
}

export function create(element, spec, series, mode) {
  destroy(element);
  try {
    element.style.height = `${spec.height ?? 320}px`;
    const chart = echarts.init(element, null, { renderer: 'canvas' });
    const state = { chart, spec, series: own(series, spec, plotWidthOf(chart)), mode, xLines: spec.xLines, updates: 0 };
    chart.setOption(buildOption(spec, state.series, mode, state.xLines, plotWidthOf(chart)), { notMerge: true });
    element.__fwState = state;
    element.__fwChart = inspector(state);
    observeSize(element, state);
    stamp(element, state);
  } catch (error) {
    failed(element, error);
  }
}

// The module's own copy of each series: the data as sent (what tests, exports and the inspector read) and its thinning target.
function own(series, spec, plotWidth) {
  const target = spec.kind === 'bar' || spec.xType !== 'datetime' ? 0 : Math.max(300, Math.round(plotWidth));
  return series.map(s => ({ ...s, data: [...(s.data ?? [])], drawn: null, target, live: !!s.live }));
}

function setData(state, ids) {
  const patch = state.series.filter(s => ids === null || ids.has(s.id)).map(s => ({ id: s.id, data: drawnOf(s) }));
  state.chart.setOption({ series: patch, graphic: [{ id: 'nodata', invisible: hasData(state.series) }] }, { silent: true });
}

// A user action (new range, new asset) that keeps the shape: every series' data replaced at once.
export function replace(element, series, xLines) {
  const state = element?.__fwState;
  if (!state) return;
  try {
    state.series = own(series, state.spec, plotWidthOf(state.chart));
    state.updates++;
    state.chart.setOption(buildOption(state.spec, state.series, state.mode, xLines ?? state.xLines, plotWidthOf(state.chart)), { notMerge: true });
    if (xLines) state.xLines = xLines;
    stamp(element, state);
  } catch (error) {
    failed(element, error);
  }
}

// A live tick: each entry appends points to the series with that id (points older than the series' last are ignored,
// so a repeated tick is harmless), then keeps at most maxPoints and nothing older than windowMs before the newest.
export function append(element, appends, options) {
  const state = element?.__fwState;
  if (!state) return;
  try {
    const maxPoints = options?.maxPoints ?? 2000;
    const windowMs = options?.windowMs ?? null;
    const touched = new Set();
    for (const { id, points } of appends ?? []) {
      const s = state.series.find(x => x.id === id);
      if (!s || !Array.isArray(points)) continue;
      for (const p of points) {
        const tail = s.data[s.data.length - 1];
        if (!Array.isArray(p) || (Array.isArray(tail) && p[0] <= tail[0])) continue;
        s.data.push(p);
        if (s.drawn) s.drawn.push(p);
        touched.add(id);
      }
      const before = s.data.length;
      if (windowMs !== null && s.data.length) {
        const floor = s.data[s.data.length - 1][0] - windowMs;
        let cut = 0;
        while (cut < s.data.length && Array.isArray(s.data[cut]) && s.data[cut][0] < floor) cut++;
        if (cut > 0) s.data.splice(0, cut);
      }
      if (s.data.length > maxPoints) s.data.splice(0, s.data.length - maxPoints);
      if (s.data.length !== before) s.drawn = null;
    }
    if (options?.xLines) {
      state.xLines = options.xLines;
      state.chart.setOption({ series: [{ id: marksId, markLine: { data: markLines(state.spec, state.xLines, themeColors(state.mode)) } }] });
    }
    if (touched.size === 0) return;
    state.updates++;
    setData(state, touched);
    stamp(element, state);
  } catch (error) {
    failed(element, error);
  }
}

// Markers that move with the data (the ladder's "price now") without touching any series.
export function setMarkers(element, xLines) {
  const state = element?.__fwState;
  if (!state) return;
  state.xLines = xLines;
  state.chart.setOption({ series: [{ id: marksId, markLine: { data: markLines(state.spec, xLines, themeColors(state.mode)) } }] });
}

export function setTheme(element, mode) {
  const state = element?.__fwState;
  if (!state || state.mode === mode) return;
  state.mode = mode;
  state.chart.setOption(buildOption(state.spec, state.series, mode, state.xLines, plotWidthOf(state.chart)), { notMerge: true });
}

// Exports happen in the browser: nothing but a click travels to the server.
function save(href, fileName) {
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function downloadPng(element, fileName) {
  const state = element?.__fwState;
  if (!state) return;
  const url = state.chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: themeColors(state.mode).panel });
  save(url, fileName);
}

// SVG comes from an SVG-renderer twin of the same option, rendered off-screen at the chart's size.
export function svgString(element) {
  const state = element?.__fwState;
  if (!state) return null;
  const twin = echarts.init(null, null, { renderer: 'svg', ssr: true, width: state.chart.getWidth(), height: state.chart.getHeight() });
  try {
    const option = buildOption(state.spec, state.series, state.mode, state.xLines, plotWidthOf(state.chart));
    option.backgroundColor = themeColors(state.mode).panel;
    twin.setOption(option);
    return twin.renderToSVGString();
  } finally {
    twin.dispose();
  }
}

export function downloadSvg(element, fileName) {
  const svg = svgString(element);
  if (svg === null) return;
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  save(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// A file the server built (CSV; a zip as base64) handed to the browser as a download.
export function downloadText(fileName, text, mime) {
  const url = URL.createObjectURL(new Blob([text], { type: mime ?? 'text/csv;charset=utf-8' }));
  save(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export function downloadBase64(fileName, base64, mime) {
  save(`data:${mime};base64,${base64}`, fileName);
}

export function destroy(element) {
  const state = element?.__fwState;
  if (!state) return;
  state.resize?.disconnect();
  state.chart.dispose();
  delete element.__fwState;
  delete element.__fwChart;
}

// Light/dark: the theme lives on <html data-theme>, chosen by the user and remembered per browser.
export function getTheme() {
  return document.documentElement.dataset.theme ?? 'dark';
}
