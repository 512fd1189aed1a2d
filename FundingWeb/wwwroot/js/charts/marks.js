// Markers that move with live data (the ladder's "price now"), as elements over the plot rather than strokes on a
// canvas: a tick that moves one changes two transforms and perhaps a label's text, so the browser composites the moved
// layers instead of repainting and re-uploading a canvas the size of the chart (measured on the ladder: ~6 ms of main
// thread per tick, most of it the canvas commit). Exports still draw markers through the engine (charts.js).

const same = (style, values) => {
  for (const [name, value] of Object.entries(values)) if (style[name] !== value) style[name] = value;
};

export class MarkerLayer {
  // Over the live canvas (same z-index, later in the chart's element), under the layer's tooltip (z-index 3).
  constructor(element) {
    this.box = document.createElement('div');
    this.box.setAttribute('aria-hidden', 'true');
    this.box.dataset.layer = 'markers';
    this.box.style.cssText = 'position:absolute;left:0;top:0;width:0;height:0;overflow:visible;pointer-events:none;z-index:2';
    element.appendChild(this.box);
    // Labels are measured as the canvas drew them, without a layout.
    this.measure = document.createElement('canvas').getContext('2d');
  }

  /** markers: [{ value, label, color }]; p: the plot's projection (charts/live.js), or null; colors: the theme's. */
  draw(markers, p, colors, fontFamily) {
    const shown = p ? markers.map(m => ({ m, x: p.px(m.value) })).filter(({ x }) => x >= p.left && x <= p.left + p.width) : [];
    while (this.box.children.length > shown.length) this.box.lastChild.remove();
    while (this.box.children.length < shown.length) this.box.appendChild(marker());
    const font = `12px ${fontFamily}`;
    if (this.measure.font !== font) this.measure.font = font;
    shown.forEach(({ m, x }, i) => {
      const [line, label] = this.box.children[i].children;
      const text = String(m.label ?? '');
      const width = this.measure.measureText(text).width + 8;
      const left = Math.min(x + 4, p.left + p.width - width);
      same(line.style, { transform: `translate(${Math.round(x)}px, ${p.top}px)`, height: `${p.height}px`, borderLeftColor: m.color ?? colors.muted });
      same(label.style, { transform: `translate(${left}px, ${p.top + 2}px)`, width: `${width}px`, font, background: colors.panel, borderColor: colors.grid, color: colors.muted });
      if (label.textContent !== text) label.textContent = text;
    });
  }

  /** What is on screen, for the inspector: each marker's x (CSS px in the chart) and label. */
  describe() {
    return [...this.box.children].map(el => ({ x: new DOMMatrixReadOnly(getComputedStyle(el.children[0]).transform).m41, label: el.children[1].textContent }));
  }

  dispose() {
    this.box.remove();
  }
}

function marker() {
  const el = document.createElement('div');
  const line = document.createElement('div');
  line.style.cssText = 'position:absolute;left:0;top:0;width:0;border-left:1px dashed;will-change:transform';
  const label = document.createElement('div');
  label.style.cssText = 'position:absolute;left:0;top:0;height:16px;box-sizing:border-box;border:1px solid;padding:0 4px;'
    + 'line-height:14px;white-space:nowrap;overflow:hidden;will-change:transform';
  el.append(line, label);
  return el;
}
