// Live series between full redraws. A tick adds a point or two to a few series; asking the engine to redraw means laying
// out and repainting every series (tens of ms at 12 × 2,000 points on a modest machine). Instead the chart's axes are
// fixed with room ahead, the engine keeps what it drew, and the newest points of each live series ("tails") are drawn
// here, on a canvas of our own over the plot: a tick repaints a few short lines. When a point leaves the room (past the
// x headroom, outside the y range), a tail grows long, or an export needs the engine to hold everything, the chart is
// redrawn once with all its data (a "fold", in charts.js).

// Room ahead of the newest point, as a share of the x span: a year's chart folds about weekly, an hour's every minute or so.
export const headroom = 0.025;
// A tail this long is folded into the engine's series, so a tick never strokes more than a few thousand segments.
export const maxTail = 600;

export class LiveLayer {
  constructor(element, chart) {
    this.chart = chart;
    this.canvas = document.createElement('canvas');
    this.canvas.setAttribute('aria-hidden', 'true');
    this.canvas.dataset.layer = 'live';
    this.canvas.style.cssText = 'position:absolute;left:0;top:0;pointer-events:none;z-index:2';
    element.appendChild(this.canvas);
    this.zoom = { start: 0, end: 100 };
    this.hidden = new Set();
    this.size();
  }

  size() {
    const w = this.chart.getWidth();
    const h = this.chart.getHeight();
    const ratio = window.devicePixelRatio || 1;
    this.width = w;
    this.height = h;
    this.ratio = ratio;
    this.canvas.width = Math.max(1, Math.round(w * ratio));
    this.canvas.height = Math.max(1, Math.round(h * ratio));
    this.canvas.style.width = `${w}px`;
    this.canvas.style.height = `${h}px`;
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

  draw(state) {
    const g = this.canvas.getContext('2d');
    g.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
    g.clearRect(0, 0, this.width, this.height);
    const ext = state.extent;
    if (!ext || this.tailPoints(state) === 0) return;
    const span = ext.x.max - ext.x.min;
    const x0 = ext.x.min + span * this.zoom.start / 100;
    const x1 = ext.x.min + span * this.zoom.end / 100;
    const a = this.chart.convertToPixel({ gridIndex: 0 }, [x0, ext.y.max]);
    const b = this.chart.convertToPixel({ gridIndex: 0 }, [x1, ext.y.min]);
    if (!a || !b || !(x1 > x0)) return;
    // Both axes are linear: two points give the whole projection.
    const kx = (b[0] - a[0]) / (x1 - x0);
    const ky = (b[1] - a[1]) / (ext.y.min - ext.y.max);
    g.save();
    g.beginPath();
    g.rect(a[0], a[1], b[0] - a[0], b[1] - a[1]);
    g.clip();
    const colors = state.spec.colors?.length ? state.spec.colors : null;
    state.series.forEach((s, i) => {
      if (!s.live || s.folded === undefined || this.hidden.has(s.name)) return;
      const from = Math.max(0, s.folded - 1);
      if (s.data.length - from < 2) return;
      const dash = state.spec.dashArray?.[i] ?? 0;
      g.strokeStyle = colors ? colors[i % colors.length] : '#60a5fa';
      g.lineWidth = state.spec.strokeWidth ?? 1.6;
      g.lineJoin = 'bevel';
      g.setLineDash(dash > 0 ? [dash, dash] : []);
      g.beginPath();
      let pen = false;
      for (let j = from; j < s.data.length; j++) {
        const p = s.data[j];
        if (!Array.isArray(p) || p[1] === null) { pen = false; continue; }
        const x = a[0] + (p[0] - x0) * kx;
        const y = a[1] + (p[1] - ext.y.max) * ky;
        if (pen) g.lineTo(x, y); else g.moveTo(x, y);
        pen = true;
      }
      g.stroke();
    });
    g.restore();
  }

  dispose() {
    this.canvas.remove();
  }
}
