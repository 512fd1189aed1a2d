// The tooltip of data drawn on our own layer (charts/bars.js): the engine holds none of it, so its tooltip has nothing to
// say. Under the pointer: the bin's price and each shown series' figure in it (bars and the realised points that fall in
// the bin), or the nearest realised point when no bar is there. Looks like the engine's tooltip; text only (names
// and figures go in as text, never as markup).
import { tooltipNumber, xTooltip } from './format.js';
import { isBar } from './bars.js';

/** What the tooltip says at plot x `mx` (pixels), y `my`: { head, rows: [{ name, color, text }] } or null. Pure: tests call it. */
export function tipAt(state, p, drawn, width, mx, my, colors) {
  if (!p || mx < p.left || mx > p.left + p.width || my < p.top || my > p.top + p.height) return null;
  const { spec } = state;
  const fmt = tooltipNumber(spec);
  const shown = state.series.map((s, i) => ({ s, i, points: drawn?.[s.name] })).filter(e => Array.isArray(e.points));
  // The nearest bar centre within half a bar (at least 3 px) of the pointer.
  let bin = null, best = Infinity;
  for (const { s, points } of shown) {
    if (!isBar(spec, s)) continue;
    for (const q of points) {
      const d = Math.abs(p.px(q[0]) - mx);
      if (d < best && d <= Math.max(3, width / 2)) { best = d; bin = q[0]; }
    }
  }
  const rows = [];
  if (bin !== null) {
    const half = Math.max(width / 2, 3);
    for (const { s, i, points } of shown) {
      const color = colors[i % colors.length];
      if (isBar(spec, s)) {
        const q = points.find(r => r[0] === bin);
        if (q) rows.push({ name: s.name, color, text: fmt(q[2] - q[1]) });
      } else {
        const inBin = points.filter(r => Math.abs(p.px(r[0]) - p.px(bin)) <= half);
        if (inBin.length) rows.push({ name: s.name, color, text: fmt(inBin.reduce((sum, r) => sum + r[1], 0)) });
      }
    }
    return { head: xTooltip(spec)(bin), rows };
  }
  // No bar here: the nearest point within 8 px.
  let near = null;
  for (const { s, i, points } of shown) {
    if (isBar(spec, s)) continue;
    for (const q of points) {
      const d = Math.hypot(p.px(q[0]) - mx, p.py(q[1]) - my);
      if (d <= 8 && (near === null || d < near.d)) near = { d, q, name: s.name, color: colors[i % colors.length] };
    }
  }
  return near ? { head: xTooltip(spec)(near.q[0]), rows: [{ name: near.name, color: near.color, text: fmt(near.q[1]) }] } : null;
}

export class LayerTip {
  /** read() gives { state, projection, drawn, width, colors } as the layer last drew. */
  constructor(element, chart, read) {
    this.element = element;
    this.read = read;
    this.box = document.createElement('div');
    this.box.dataset.testid = 'chart-tip';
    this.box.setAttribute('role', 'tooltip');
    this.box.style.cssText = 'position:absolute;display:none;pointer-events:none;z-index:3;padding:5px 10px;border-radius:4px;'
      + 'border:1px solid;font-size:12px;line-height:1.5;white-space:nowrap;box-shadow:0 2px 8px rgba(0,0,0,.35)';
    element.appendChild(this.box);
    const zr = chart.getZr();
    zr.on('mousemove', (e) => this.move(e.offsetX, e.offsetY));
    zr.on('globalout', () => this.hide());
  }

  move(mx, my) {
    const { state, projection, drawn, width, colors } = this.read();
    const tip = state ? tipAt(state, projection, drawn, width, mx, my, colors) : null;
    if (!tip) return this.hide();
    const c = state.colors;
    this.box.style.background = c.panel;
    this.box.style.borderColor = c.grid;
    this.box.style.color = c.text;
    this.box.replaceChildren(line(tip.head));
    for (const r of tip.rows) {
      const row = line(`${r.name}: ${r.text}`);
      const dot = document.createElement('span');
      dot.style.cssText = 'display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:5px';
      dot.style.background = r.color;
      row.prepend(dot);
      this.box.appendChild(row);
    }
    this.box.style.display = 'block';
    // Beside the pointer, kept inside the chart.
    const w = this.box.offsetWidth, h = this.box.offsetHeight;
    const left = mx + 14 + w > this.element.clientWidth ? Math.max(0, mx - 14 - w) : mx + 14;
    const top = Math.min(Math.max(0, my - h / 2), Math.max(0, this.element.clientHeight - h));
    this.box.style.left = `${left}px`;
    this.box.style.top = `${top}px`;
  }

  hide() {
    this.box.style.display = 'none';
  }

  dispose() {
    this.box.remove();
  }
}

function line(text) {
  const div = document.createElement('div');
  div.textContent = text;
  return div;
}
