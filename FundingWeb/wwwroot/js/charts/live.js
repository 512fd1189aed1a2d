import { drawData } from './bars.js';
import { MarkerLayer } from './marks.js';

// Live data between full redraws. A tick adds a point or two to a few series, or moves a marker; asking the engine to
// redraw means laying out and repainting every series (tens of ms at 12 × 2,000 points on a modest machine), then a
// dozen animation frames. Instead the chart's axes are fixed with room to spare, the engine keeps what it drew, and what
// changed since is drawn here, on a canvas of our own over the plot: the newest points of live lines ("tails"), the
// newest segment of live stacked areas; markers that move with the data (the ladder's price now) are elements over it
// (charts/marks.js). When a point leaves the room (past the x headroom, outside the y range), a tail grows long, or an
// export needs the engine to hold everything, the chart is redrawn once with all its data (a "fold", in charts.js).

// Room ahead of the newest point, as a share of the x span: a year's chart folds about weekly, an hour's every minute or so.
export const headroom = 0.025;
// A tail this long is folded into the engine's series, so a tick never strokes more than a few thousand segments.
export const maxTail = 600;

/**
 * What a chart's layer draws: 'lines' (live time lines), 'stack' (live stacked areas), 'bars' (all the data of a bar
 * chart on a price axis that is rebuilt live, with its moving markers: the ladder, charts/bars.js), 'markers' (moving
 * markers only).
 */
export function layerKind(spec, series) {
  const kind = spec.kind ?? 'line';
  const live = series.some(s => s.live);
  if (spec.xType === 'datetime' && live && kind === 'line' && !spec.stacked && !series.some(s => s.live && s.stack)) return 'lines';
  if (spec.xType === 'datetime' && live && kind === 'area' && spec.stacked && series.every(s => s.live)) return 'stack';
  if (spec.liveMarkers && kind === 'bar' && spec.xType === 'numeric') return 'bars';
  if (spec.liveMarkers) return 'markers';
  return null;
}

export class LiveLayer {
  constructor(element, chart, kind) {
    this.chart = chart;
    this.kind = kind;
    // Live lines' tails and stacked areas' newest segments; the ladder's data has a canvas of its own, and markers are
    // elements (charts/marks.js), so a chart of markers alone has no canvas here and a ladder's tick repaints none.
    this.canvas = kind === 'lines' || kind === 'stack' ? canvasIn(element, 'live', 2) : null;
    this.under = kind === 'bars' ? canvasIn(element, 'data', 1) : null;
    this.zoom = { start: 0, end: 100 };
    this.hidden = new Set();
    // Markers drawn here rather than by the engine (see charts.js setMarkers).
    this.markers = [];
    this.marks = new MarkerLayer(element);
    this.size();
  }

  size() {
    const w = this.chart.getWidth();
    const h = this.chart.getHeight();
    const ratio = window.devicePixelRatio || 1;
    this.width = w;
    this.height = h;
    this.ratio = ratio;
    for (const c of [this.canvas, this.under]) {
      if (!c) continue;
      c.width = Math.max(1, Math.round(w * ratio));
      c.height = Math.max(1, Math.round(h * ratio));
      c.style.width = `${w}px`;
      c.style.height = `${h}px`;
    }
    // A resized canvas is blank.
    this.painted = false;
  }

  // A canvas's context scaled to CSS pixels, cleared.
  cleared(canvas) {
    const g = canvas.getContext('2d');
    g.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
    g.clearRect(0, 0, this.width, this.height);
    return g;
  }

  // The zoom window as the engine reports it (percent of the axis extent), from the inside zoom or the slider.
  zoomed(event) {
    const b = event?.batch?.[0] ?? event;
    if (b && Number.isFinite(b.start) && Number.isFinite(b.end)) this.zoom = { start: b.start, end: b.end };
  }

  /** Number of points drawn here (outside the engine) across live series. */
  tailPoints(state) {
    return state.series.reduce((n, s) => n + (s.live && s.folded !== undefined ? Math.max(0, s.data.length - s.folded) : 0), 0);
  }

  // The plot's rectangle and the data → pixel map, from two points of the fixed extents (both axes are linear).
  projection(state) {
    const ext = state.extent;
    if (!ext) return null;
    const span = ext.x.max - ext.x.min;
    const x0 = ext.x.min + span * this.zoom.start / 100;
    const x1 = ext.x.min + span * this.zoom.end / 100;
    const a = this.chart.convertToPixel({ gridIndex: 0 }, [x0, ext.y.max]);
    const b = this.chart.convertToPixel({ gridIndex: 0 }, [x1, ext.y.min]);
    if (!a || !b || !(x1 > x0) || !(ext.y.max > ext.y.min)) return null;
    const kx = (b[0] - a[0]) / (x1 - x0);
    const ky = (b[1] - a[1]) / (ext.y.min - ext.y.max);
    return { left: a[0], top: a[1], width: b[0] - a[0], height: b[1] - a[1], px: (x) => a[0] + (x - x0) * kx, py: (y) => a[1] + (y - ext.y.max) * ky };
  }

  /** markersOnly: nothing but the markers moved (a ladder's tick, a marker of a live line), so the canvases stay as they are. */
  draw(state, colors, markersOnly = false) {
    const p = this.projection(state);
    if (!markersOnly || !this.painted) {
      if (this.under) {
        const u = this.cleared(this.under);
        // Kept for the tooltip (charts/tip.js) and the inspector: what is on screen, where.
        const { drawn, width } = p ? clipped(u, p, () => drawData(u, state, p, colors, this.hidden)) : { drawn: {}, width: 0 };
        Object.assign(this, { drawn, barWidth: width, projected: p, colors });
      }
      if (this.canvas) {
        const g = this.cleared(this.canvas);
        if (p) clipped(g, p, () => (this.kind === 'lines' ? this.lines(g, state, p, colors) : this.stack(g, state, p, colors)));
      }
      this.painted = !!p;
    }
    this.marks.draw(this.markers, p, state.colors, state.fontFamily);
  }

  lines(g, state, p, colors) {
    state.series.forEach((s, i) => {
      if (!s.live || s.folded === undefined || this.hidden.has(s.name)) return;
      const from = Math.max(0, s.folded - 1);
      if (s.data.length - from < 2) return;
      const dash = state.spec.dashArray?.[i] ?? 0;
      g.strokeStyle = colors[i % colors.length];
      g.lineWidth = state.spec.strokeWidth ?? 1.6;
      g.lineJoin = 'bevel';
      g.setLineDash(dash > 0 ? [dash, dash] : []);
      g.beginPath();
      let pen = false;
      for (let j = from; j < s.data.length; j++) {
        const q = s.data[j];
        if (!Array.isArray(q) || q[1] === null) { pen = false; continue; }
        if (pen) g.lineTo(p.px(q[0]), p.py(q[1])); else g.moveTo(p.px(q[0]), p.py(q[1]));
        pen = true;
      }
      g.stroke();
    });
  }

  // Stacked areas pile up by index (every series holds the same times): each newest segment is drawn as its band
  // between the series below it and its own top, like the engine draws the rest.
  stack(g, state, p, colors) {
    const shown = state.series.map((s, i) => ({ s, i })).filter(({ s }) => !this.hidden.has(s.name));
    if (shown.length === 0 || shown[0].s.folded === undefined) return;
    const n = Math.min(...shown.map(({ s }) => s.data.length));
    const from = Math.max(0, shown[0].s.folded - 1);
    g.setLineDash([]);
    g.lineWidth = state.spec.strokeWidth ?? 1;
    for (let j = from; j + 1 < n; j++) {
      let base0 = 0, base1 = 0;
      const x0 = p.px(shown[0].s.data[j][0]);
      const x1 = p.px(shown[0].s.data[j + 1][0]);
      for (const { s, i } of shown) {
        const top0 = base0 + (s.data[j]?.[1] ?? 0);
        const top1 = base1 + (s.data[j + 1]?.[1] ?? 0);
        g.globalAlpha = 0.35;
        g.fillStyle = colors[i % colors.length];
        g.beginPath();
        g.moveTo(x0, p.py(base0));
        g.lineTo(x0, p.py(top0));
        g.lineTo(x1, p.py(top1));
        g.lineTo(x1, p.py(base1));
        g.closePath();
        g.fill();
        g.globalAlpha = 1;
        g.strokeStyle = colors[i % colors.length];
        g.beginPath();
        g.moveTo(x0, p.py(top0));
        g.lineTo(x1, p.py(top1));
        g.stroke();
        base0 = top0;
        base1 = top1;
      }
    }
    g.globalAlpha = 1;
  }

  dispose() {
    this.canvas?.remove();
    this.under?.remove();
    this.marks.dispose();
  }
}

function canvasIn(element, name, z) {
  const canvas = document.createElement('canvas');
  canvas.setAttribute('aria-hidden', 'true');
  canvas.dataset.layer = name;
  canvas.style.cssText = `position:absolute;left:0;top:0;pointer-events:none;z-index:${z}`;
  element.appendChild(canvas);
  return canvas;
}

// Draws inside the plot's rectangle only.
function clipped(g, p, draw) {
  g.save();
  g.beginPath();
  g.rect(p.left, p.top, p.width, p.height);
  g.clip();
  try {
    return draw();
  } finally {
    g.restore();
  }
}
