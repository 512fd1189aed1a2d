// The liquidation ladder's data (bars on a price axis, and the realised liquidations as points) drawn on the chart's own
// layer (charts/live.js), not by the engine. The ladder is rebuilt every few seconds; any engine update of this chart
// re-lays out its axes, labels and every bar (20–45 ms on a 2-core machine), where repainting a few hundred rectangles
// here takes well under a millisecond. The engine keeps the axes (fixed extents that a rebuild leaves as they are while
// the data fits them: charts/extent.js settledExtent), the legend (its series hold no data), and a full drawing for the
// exports (charts.js engineData). Hovering shows the bin's figures (charts/tip.js), since the engine holds none.

/** True for a series drawn as bars. */
export function isBar(spec, s) {
  return (s.type ?? spec.kind ?? 'line') === 'bar';
}

/** The bar centres' span and the smallest gap between neighbouring centres (one bin), in price units; null without bars. */
export function binsOf(spec, series) {
  const xs = [...new Set(series.filter(s => isBar(spec, s)).flatMap(s => (s.data ?? []).filter(Array.isArray).map(p => p[0])))].sort((a, b) => a - b);
  if (xs.length === 0) return null;
  let step = Infinity;
  for (let i = 1; i < xs.length; i++) if (xs[i] - xs[i - 1] > 1e-9 * Math.abs(xs[i])) step = Math.min(step, xs[i] - xs[i - 1]);
  return { min: xs[0], max: xs[xs.length - 1], step: Number.isFinite(step) ? step : null };
}

/** A bin's width on screen: 90 % of the gap between bins (as the engine's bars were), at least a pixel; 8 px for a lone bin. */
export function barPixels(step, p) {
  return step === null ? 8 : Math.max(1, Math.floor(Math.abs(p.px(step) - p.px(0)) * 0.9));
}

/**
 * Every shown series onto the layer: bars of one stack pile up by index (as the engine stacks them; a hidden series
 * leaves the pile), points as circles. Returns what was drawn, per series name: the bars' [x, bottom, top] and the
 * points' [x, y] (what tests compare with the module's data, and what the tooltip reads).
 */
export function drawData(g, state, p, colors, hidden) {
  const { spec } = state;
  const width = barPixels(binsOf(spec, state.series)?.step ?? null, p);
  const piles = new Map();
  const drawn = {};
  state.series.forEach((s, i) => {
    if (hidden.has(s.name) || !Array.isArray(s.data)) return;
    const color = colors[i % colors.length];
    const out = drawn[s.name] = [];
    if (isBar(spec, s)) {
      const key = s.stack ?? (spec.stacked ? 'total' : `own:${i}`);
      if (!piles.has(key)) piles.set(key, []);
      const pile = piles.get(key);
      g.fillStyle = color;
      s.data.forEach((q, j) => {
        if (!Array.isArray(q) || q[1] === null || !Number.isFinite(q[1])) return;
        const bottom = pile[j] ?? 0;
        const top = bottom + q[1];
        pile[j] = top;
        const x = p.px(q[0]);
        const y0 = p.py(bottom);
        const y1 = p.py(top);
        g.fillRect(x - width / 2, Math.min(y0, y1), width, Math.abs(y1 - y0));
        out.push([q[0], bottom, top]);
      });
    } else {
      g.fillStyle = color;
      g.globalAlpha = 0.8;
      for (const q of s.data) {
        if (!Array.isArray(q) || q[1] === null || !Number.isFinite(q[1])) continue;
        g.beginPath();
        g.arc(p.px(q[0]), p.py(q[1]), 4.5, 0, 2 * Math.PI);
        g.fill();
        out.push([q[0], q[1]]);
      }
      g.globalAlpha = 1;
    }
  });
  return { drawn, width };
}
