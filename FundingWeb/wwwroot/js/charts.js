// Thin interop over ApexCharts (global from lib/apexcharts). The server sends a compact spec once and data afterwards:
// a tick updates series data on the existing chart; only a change of shape (spec) rebuilds it.

const palette = ['#60a5fa', '#f59e0b', '#34d399', '#f472b6', '#a78bfa', '#22d3ee', '#fb7185', '#facc15', '#94a3b8'];

function themeColors(mode) {
  return mode === 'light'
    ? { text: '#1f2937', grid: '#e5e7eb', muted: '#6b7280', panel: '#ffffff' }
    : { text: '#e6edf3', grid: '#263142', muted: '#8b9bb0', panel: '#161d27' };
}

function formatter(spec) {
  const decimals = spec.yDecimals ?? 2;
  const unit = spec.yUnit ?? '';
  return (v) => (v === null || v === undefined || Number.isNaN(v)) ? '–' : `${Number(v).toFixed(decimals)}${unit}`;
}

// Tooltip line: the value at the page's basis, plus the market and the raw number in the venue's convention.
function describe(v, o, fmt) {
  const meta = o?.w?.config?.series?.[o.seriesIndex]?.meta;
  if (!meta || v === null || v === undefined) return fmt(v);
  const raw = meta.rawPerDisplayed ? ` · raw ${(v * meta.rawPerDisplayed).toPrecision(4)} ${meta.unit} per ${meta.intervalHours}h` : '';
  return `${fmt(v)} · ${meta.market}${raw}`;
}

function lineLabel(text, c, placement) {
  return { text, borderColor: c.grid, borderWidth: 1, style: { background: c.panel, color: c.muted, padding: { left: 4, right: 4, top: 1, bottom: 2 } }, ...placement };
}

function buildOptions(spec, series, mode) {
  const c = themeColors(mode);
  const isTime = spec.xType === 'datetime';
  const fmt = formatter(spec);
  return {
    chart: {
      type: spec.kind ?? 'line',
      height: spec.height ?? 320,
      stacked: !!spec.stacked,
      background: 'transparent',
      foreColor: c.text,
      animations: { enabled: false },
      zoom: { enabled: isTime, type: 'x' },
      toolbar: { show: true, tools: { download: false, selection: false, zoom: isTime, zoomin: isTime, zoomout: isTime, pan: false, reset: isTime },
        export: { csv: { filename: spec.fileName }, svg: { filename: spec.fileName }, png: { filename: spec.fileName } } },
      fontFamily: 'Inter, "Segoe UI", system-ui, sans-serif',
    },
    theme: { mode: mode === 'light' ? 'light' : 'dark' },
    colors: spec.colors?.length ? spec.colors : palette,
    series,
    stroke: { width: spec.kind === 'bar' ? 0 : (spec.strokeWidth ?? 1.6), curve: spec.curve ?? 'straight', dashArray: spec.dashArray ?? 0 },
    fill: { opacity: spec.kind === 'area' ? 0.35 : 1 },
    dataLabels: { enabled: false },
    markers: { size: spec.markers ?? 0, hover: { size: 4 } },
    // Time charts carry the zoom toolbar top right: their legend goes below the plot so the two never overlap.
    legend: { show: true, position: isTime ? 'bottom' : 'top', horizontalAlign: 'left', labels: { colors: c.text } },
    grid: { borderColor: c.grid, strokeDashArray: 3 },
    plotOptions: { bar: { horizontal: !!spec.horizontal, barHeight: '90%', columnWidth: '90%' } },
    xaxis: {
      type: spec.xType ?? 'datetime',
      categories: spec.categories ?? undefined,
      title: { text: spec.xTitle ?? '', style: { color: c.muted, fontWeight: 500 } },
      labels: { datetimeUTC: true, style: { colors: c.muted }, formatter: spec.xType === 'numeric' && spec.xDecimals !== undefined ? (v) => Number(v).toFixed(spec.xDecimals) : undefined },
      tickAmount: spec.xTicks ?? undefined,
    },
    yaxis: {
      title: { text: spec.yTitle ?? '', style: { color: c.muted, fontWeight: 500 } },
      labels: { formatter: fmt, style: { colors: c.muted } },
      forceNiceScale: true,
      reversed: !!spec.yReversed,
    },
    tooltip: { theme: mode === 'light' ? 'light' : 'dark', x: { format: 'yyyy-MM-dd HH:mm' }, y: { formatter: (v, o) => describe(v, o, fmt) }, shared: spec.sharedTooltip ?? true, intersect: false },
    // Marker labels sit on a panel-coloured box: lines passing behind them never make them unreadable.
    annotations: { yaxis: (spec.yLines ?? []).map(l => ({ y: l.value, yAxisIndex: 0, borderColor: l.color ?? c.muted, strokeDashArray: 4, label: lineLabel(l.label, c, { position: 'right', textAnchor: 'end', offsetX: -4, offsetY: -2 }) })),
                   xaxis: (spec.xLines ?? []).map(l => ({ x: l.value, borderColor: l.color ?? c.muted, strokeDashArray: 4, label: lineLabel(l.label, c, { orientation: 'horizontal' }) })) },
    noData: { text: spec.noData ?? 'No data in this range' },
  };
}

// A chart that fails to draw says so in place and in the console; it never takes the page down with it.
function failed(element, error) {
  console.error('chart failed', element?.dataset?.testid, error);
  if (element) element.dataset.error = String(error?.message ?? error);
}

export async function create(element, spec, series, mode) {
  destroy(element);
  try {
    const chart = new ApexCharts(element, buildOptions(spec, series, mode));
    element.__fwChart = chart;
    element.__fwSpec = spec;
    element.__fwMode = mode;
    element.dataset.updates = '0';
    await chart.render();
  } catch (error) {
    failed(element, error);
  }
}

// Data only: no re-creation, no animation. Vertical markers (xLines) move with the data when given.
export async function update(element, series, xLines) {
  const chart = element?.__fwChart;
  if (!chart) return;
  element.dataset.updates = String(Number(element.dataset.updates ?? '0') + 1);
  let done;
  try {
    done = await chart.updateSeries(series, false);
  } catch (error) {
    failed(element, error);
    return;
  }
  if (Array.isArray(xLines)) {
    chart.clearAnnotations();
    const c = themeColors(element.__fwMode);
    xLines.forEach(l => chart.addXaxisAnnotation({ x: l.value, borderColor: l.color ?? c.muted, strokeDashArray: 4,
      label: lineLabel(l.label, c, { orientation: 'horizontal' }) }, false));
  }
  return done;
}

export function setTheme(element, mode) {
  const chart = element?.__fwChart;
  if (!chart || element.__fwMode === mode) return;
  element.__fwMode = mode;
  return chart.updateOptions(buildOptions(element.__fwSpec, chart.w.config.series, mode), false, false);
}

export function resize(element) {
  element?.__fwChart?.windowResizeHandler?.();
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

export async function downloadPng(element, fileName) {
  const chart = element?.__fwChart;
  if (!chart) return;
  const { imgURI } = await chart.dataURI();
  save(imgURI, fileName);
}

export async function downloadSvg(element, fileName) {
  const chart = element?.__fwChart;
  if (!chart) return;
  const svg = await chart.getSvgString();
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
  save(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// A text file the server built (CSV, zip as base64) handed to the browser as a download.
export function downloadText(fileName, text, mime) {
  const url = URL.createObjectURL(new Blob([text], { type: mime ?? 'text/csv;charset=utf-8' }));
  save(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export function downloadBase64(fileName, base64, mime) {
  save(`data:${mime};base64,${base64}`, fileName);
}

export function destroy(element) {
  if (element?.__fwChart) {
    element.__fwChart.destroy();
    delete element.__fwChart;
  }
}

// Light/dark: the theme lives on <html data-theme>, persisted per browser.
export function getTheme() {
  return document.documentElement.dataset.theme ?? 'dark';
}
