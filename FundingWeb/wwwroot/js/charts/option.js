// A chart's ECharts option from our spec (shape) and series (data). Everything a chart looks like is decided here.
import { binsOf } from './bars.js';
import { drawnOf } from './thin.js';
import { tooltipNumber, utcLabel, xTickFormatter, xTooltip, yTickFormatter } from './format.js';
import { legendHeight, legendIcon, legendItem, legendLines } from './legend.js';

export const palette = ['#60a5fa', '#f59e0b', '#34d399', '#f472b6', '#a78bfa', '#22d3ee', '#fb7185', '#facc15', '#94a3b8'];
export const marksId = '__marks';
// Single quotes only: the SVG export writes this into a double-quoted attribute.
export const fontFamily = "Inter, 'Segoe UI', system-ui, sans-serif";

export function themeColors(mode) {
  return mode === 'light'
    ? { text: '#1f2937', grid: '#e5e7eb', muted: '#4b5563', panel: '#ffffff', axis: '#9ca3af' }
    : { text: '#e6edf3', grid: '#263142', muted: '#8b9bb0', panel: '#161d27', axis: '#3b475a' };
}

/** The engine's marker lines: the spec's y lines, and the x lines unless a live layer draws them. */
export function markLines(spec, xLines, c, xOnLayer = false) {
  const line = (l, axis) => ({
    [axis]: l.value,
    name: l.label,
    lineStyle: { color: l.color ?? c.muted, type: 'dashed', width: 1 },
    // Labels sit on a panel-coloured box so lines passing behind them never make them unreadable.
    label: { formatter: l.label, color: c.muted, backgroundColor: c.panel, borderColor: c.grid, borderWidth: 1, padding: [1, 4],
      position: 'insideEndTop' },
  });
  return [...(spec.yLines ?? []).map(l => line(l, 'yAxis')), ...(xOnLayer ? [] : ((xLines ?? spec.xLines) ?? []).map(l => line(l, 'xAxis')))];
}

// The tooltip line of one point: the value at the page's basis, the market, and the raw number in the venue's convention.
function describePoint(s, value, fmt) {
  const meta = s?.meta;
  const text = fmt(value);
  if (!meta || value === null || value === undefined) return text;
  const raw = meta.rawPerDisplayed ? ` · raw ${(value * meta.rawPerDisplayed).toPrecision(4)} ${meta.unit} per ${meta.intervalHours}h` : '';
  return `${text} · ${meta.market}${raw}`;
}

// A marker (a value the chart does not trust, e.g. an implausible rate) is drawn inside the plotted range so it never
// stretches the axis; its tooltip gives the real value and says when it was moved to the edge.
function describeMarker(s, index, fmt, extent) {
  const p = s.data[index];
  const note = s.notes?.[index];
  const y = Array.isArray(p) ? p[1] : null;
  const moved = extent && y !== null && (y < extent.min || y > extent.max) ? ' (beyond the plotted range: drawn at its edge)' : '';
  return `${fmt(y)}${moved}${note ? `<br/>${note}` : ''}`;
}

export function clampedMarker(s, extent) {
  if (!extent) return s.data;
  return s.data.map(p => Array.isArray(p) && p[1] !== null ? [p[0], Math.min(extent.max, Math.max(extent.min, p[1]))] : p);
}

/** What the engine gets of a series: a marker clamped into the plotted range, a line thinned (and, live, without its tail). */
export function seriesData(s, extent) {
  return s.marker ? clampedMarker(s, extent?.y) : drawnOf(s, s.folded ?? undefined);
}

function seriesOption(ctx, s, i, colors, barWidth) {
  const { spec } = ctx;
  const kind = s.type ?? spec.kind ?? 'line';
  const type = kind === 'area' ? 'line' : kind;
  const dash = spec.dashArray?.[i] ?? 0;
  const option = {
    id: s.id ?? `s${i}`,
    name: s.name,
    type,
    // A chart whose layer draws its data (the ladder: charts/bars.js) gives the engine none: a rebuild repaints the layer only.
    data: ctx.dataOnLayer ? [] : seriesData(s, ctx.extent),
    color: colors[i % colors.length],
    showSymbol: (spec.markers ?? 0) > 0 || type === 'scatter',
    symbolSize: type === 'scatter' ? 9 : (spec.markers ?? 4),
    connectNulls: false,
    animation: false,
    emphasis: { focus: 'series' },
  };
  if (s.marker) {
    Object.assign(option, { symbol: 'diamond', symbolSize: 11, z: 5, itemStyle: { borderColor: '#111827', borderWidth: 1 } });
  }
  if (type === 'line') {
    option.lineStyle = { width: spec.strokeWidth ?? 1.6, type: dash > 0 ? [dash, dash] : 'solid' };
    option.smooth = spec.curve === 'smooth';
    // Thinned once to the plot's width (drawnOf), not by the engine on every update.
    option.sampling = 'none';
  }
  if (kind === 'area') option.areaStyle = { opacity: 0.35 };
  const stack = s.stack ?? (spec.stacked ? 'total' : null);
  if (stack && type !== 'scatter') option.stack = stack;
  if (type === 'bar') {
    // Bars on a numeric (price) axis: one bin wide, so neighbouring bins touch instead of shrinking to hairlines.
    // Series of one stack pile up in their bin; other stacks share the bin's slot (longs and shorts never share a bin).
    option.barWidth = barWidth;
    option.barGap = '-100%';
  }
  return option;
}

// The plot's width over the span of the bins gives a bin's width in pixels.
export function barWidthOf(spec, series, plotWidth) {
  if (spec.kind !== 'bar' || spec.xType !== 'numeric' || !plotWidth) return undefined;
  const bins = binsOf(spec, series);
  if (bins?.step == null) return 8;
  const span = bins.max - bins.min + bins.step;
  return Math.max(1, Math.floor(plotWidth * bins.step / span * 0.9));
}

export function hasData(series) {
  return series.some(s => (s.data?.length ?? 0) > 0);
}

export const gridSides = { left: 8, right: 18 };

/** The plot's width before the engine lays out the labels: close enough for thinning and bar widths. */
export function plotWidthOf(width) {
  return Math.max(0, width - gridSides.left - gridSides.right - 64);
}

/** The axes: fixed to ctx.extent on a chart with a live layer (so ticks and patches leave them be), else the engine's. */
export function axesOf(ctx) {
  const { spec, mode } = ctx;
  const c = themeColors(mode);
  const isTime = spec.xType === 'datetime';
  const isCategory = spec.xType === 'category';
  const y = ctx.extent?.y;
  const x = ctx.extent?.x;
  const valueAxis = {
    type: 'value',
    name: spec.yTitle ?? '',
    nameLocation: 'middle',
    nameGap: 14,
    // The title moves clear of the tick labels, and the plot shrinks so both fit (grid outer bounds below).
    nameMoveOverlap: true,
    nameTextStyle: { color: c.muted },
    scale: !spec.stacked && spec.kind !== 'bar',
    min: y?.min, max: y?.max, interval: y?.step,
    axisLabel: { color: c.muted, formatter: yTickFormatter(spec, y?.step), hideOverlap: true },
    splitLine: { lineStyle: { color: c.grid, type: 'dashed' } },
  };
  const categoryAxis = {
    type: isTime ? 'time' : isCategory ? 'category' : 'value',
    data: isCategory ? spec.categories : undefined,
    name: spec.xTitle ?? '',
    nameLocation: 'middle',
    nameGap: 26,
    nameTextStyle: { color: c.muted },
    // A numeric (price) axis picks round ticks itself; min/max stay the data's so bars fill the plot.
    scale: !isTime && !isCategory,
    min: x?.min, max: x?.max,
    axisLabel: { color: c.muted, formatter: xTickFormatter(spec), hideOverlap: true },
    axisLine: { lineStyle: { color: c.axis } },
    splitLine: { show: false },
  };
  return spec.horizontal ? { xAxis: valueAxis, yAxis: categoryAxis } : { xAxis: categoryAxis, yAxis: valueAxis };
}

/**
 * What a patch (charts/patch.js) merges into the engine: the touched series' data and the no-data note; with moved.axes
 * the axes and the marker series (clamped into the new range); with moved.barWidth every bar series' width; with
 * moved.xLines the engine's marker lines. Nothing else, so the engine keeps the zoom, the legend and everything it drew.
 */
export function patchOption(ctx, touched, moved) {
  const { spec, series } = ctx;
  const changed = new Map(touched.map(s => [s.id, { id: s.id, data: seriesData(s, ctx.extent) }]));
  for (const s of series) {
    if (moved.axes && s.marker && !changed.has(s.id)) changed.set(s.id, { id: s.id, data: seriesData(s, ctx.extent) });
    if (moved.barWidth !== undefined && (s.type ?? spec.kind ?? 'line') === 'bar') changed.set(s.id, { ...changed.get(s.id), id: s.id, barWidth: moved.barWidth });
  }
  const list = [...changed.values()];
  if (moved.xLines) list.push({ id: marksId, markLine: { data: markLines(spec, moved.xLines, themeColors(ctx.mode), ctx.markersOnLayer) } });
  const option = { series: list, graphic: [{ id: 'nodata', invisible: hasData(series) }] };
  return moved.axes ? { ...option, ...axesOf(ctx) } : option;
}

/**
 * ctx: { spec, series, mode, xLines, width, extent (fixed axis extents of a live chart, or null), lookup(id) → series,
 * markersOnLayer, dataOnLayer (the layer draws every series: the engine gets them without data) }.
 */
export function buildOption(ctx) {
  const { spec, series, mode } = ctx;
  const c = themeColors(mode);
  const isTime = spec.xType === 'datetime';
  const fmt = tooltipNumber(spec);
  const colors = spec.colors?.length ? spec.colors : palette;
  const barWidth = barWidthOf(spec, series, plotWidthOf(ctx.width));
  const list = series.map((s, i) => seriesOption(ctx, s, i, colors, barWidth));
  // A series without data carries the marker lines, so they survive data updates and never join the legend.
  list.push({ id: marksId, type: 'line', data: [], silent: true, animation: false,
    markLine: { symbol: 'none', silent: true, animation: false, data: markLines(spec, ctx.xLines, c, ctx.markersOnLayer) } });
  const lines = legendLines(series.map(s => s.name), ctx.width, fontFamily);
  const { xAxis, yAxis } = axesOf(ctx);
  const sharedTooltip = spec.sharedTooltip !== false && (isTime || spec.kind === 'bar');
  return {
    useUTC: true,
    animation: false,
    backgroundColor: 'transparent',
    textStyle: { color: c.text, fontFamily },
    color: colors,
    // The legend wraps above the plot and the plot starts below its last line; the zoom slider sits under the plot.
    legend: { type: 'plain', top: 0, left: 0, right: 0, padding: legendItem.padding, itemGap: legendItem.gap,
      itemWidth: legendItem.width, itemHeight: legendItem.height, textStyle: { color: c.text, fontSize: legendItem.fontSize },
      data: series.map((s, i) => ({ name: s.name, icon: legendIcon(spec, s, i) })), inactiveColor: c.axis },
    grid: { left: gridSides.left, right: gridSides.right, top: legendHeight(lines) + 10, bottom: isTime ? 32 : 6,
      outerBoundsMode: 'same', outerBoundsContain: 'all' },
    // Over data on the layer the layer's own tooltip speaks (charts/tip.js).
    tooltip: ctx.dataOnLayer ? { show: false } : {
      trigger: sharedTooltip ? 'axis' : 'item',
      confine: true,
      backgroundColor: c.panel,
      borderColor: c.grid,
      textStyle: { color: c.text, fontSize: 12 },
      formatter: (params) => {
        const items = Array.isArray(params) ? params : [params];
        if (items.length === 0) return '';
        const first = items[0];
        const at = Array.isArray(first.value) ? first.value[0] : first.name;
        const head = isTime ? utcLabel(at) : spec.xType === 'numeric' ? xTooltip(spec)(at) : at;
        const rows = items.filter(p => p.seriesId !== marksId).map(p => {
          const s = ctx.lookup?.(p.seriesId);
          // The extent as it is when the tooltip shows (a patch may have moved it since this option was built).
          if (s?.marker) return `${p.marker}${p.seriesName}: ${describeMarker(s, p.dataIndex, fmt, ctx.extent?.y)}`;
          const v = Array.isArray(p.value) ? p.value[1] : p.value;
          return `${p.marker}${p.seriesName}: ${describePoint(s, v, fmt)}`;
        });
        return [head, ...rows].join('<br/>');
      },
    },
    dataZoom: isTime ? [{ type: 'inside', xAxisIndex: 0, filterMode: 'none' },
      { type: 'slider', xAxisIndex: 0, height: 16, bottom: 6, filterMode: 'none', borderColor: c.grid, textStyle: { color: c.muted },
        labelFormatter: (v) => utcLabel(v) }] : [],
    xAxis,
    yAxis,
    series: list,
    graphic: [{ id: 'nodata', type: 'text', left: 'center', top: 'middle', silent: true, invisible: hasData(series),
      style: { text: spec.noData ?? 'No data in this range', fill: c.muted, fontSize: 13 } }],
  };
}
