// Axis extents, one rule for a chart's full draw and for a patch that leaves the axes as they are when they did not move.
import { niceExtent } from './format.js';
import { headroom } from './live.js';

// Fixed axis extents of a chart with a live layer: all the data (markers aside, they are drawn inside), stacked where the
// series stack (by index, as the engine stacks them), the marker lines (the zero line says who pays), and room ahead of
// the newest point of a time axis.
export function extentOf(state) {
  let xlo = Infinity, xhi = -Infinity, ylo = Infinity, yhi = -Infinity, step = Infinity;
  const stacks = new Map();
  for (const s of state.series) {
    if (s.marker) continue;
    const key = s.stack ?? (state.spec.stacked ? 'total' : null);
    let sums = null;
    if (key !== null && (s.type ?? state.spec.kind) !== 'scatter') {
      if (!stacks.has(key)) stacks.set(key, []);
      sums = stacks.get(key);
    }
    let previous = null;
    s.data.forEach((p, j) => {
      if (!Array.isArray(p)) return;
      if (p[0] < xlo) xlo = p[0];
      if (p[0] > xhi) xhi = p[0];
      if (previous !== null && p[0] > previous) step = Math.min(step, p[0] - previous);
      previous = p[0];
      if (p[1] === null) return;
      const y = sums ? (sums[j] = (sums[j] ?? 0) + p[1]) : p[1];
      if (y < ylo) ylo = y;
      if (y > yhi) yhi = y;
    });
  }
  if (xlo === Infinity) return null;
  for (const l of state.spec.yLines ?? []) {
    ylo = Math.min(ylo, l.value);
    yhi = Math.max(yhi, l.value);
  }
  if (stacks.size > 0) ylo = Math.min(ylo, 0);
  if (state.spec.xType !== 'datetime') {
    // Bars on a price axis: half a bin beyond the outer bins, rounded out like the y axis.
    const half = Number.isFinite(step) ? step / 2 : Math.abs(xlo) * 0.01 || 1;
    const x = niceExtent(xlo - half, xhi + half);
    // The data's own bounds ride along for settledExtent.
    return { x, y: niceExtent(ylo, yhi), data: { x: { min: xlo - half, max: xhi + half }, y: { min: ylo, max: yhi } } };
  }
  const span = Math.max(xhi - xlo, 60_000);
  return { x: { min: xlo, max: xhi + Math.max(span * headroom, 30_000) }, y: niceExtent(ylo, yhi) };
}

/** True when two extents draw the same axes (a patch then leaves the axes to the engine as they are). */
export function sameExtent(a, b) {
  const same = (p, q) => (!p && !q) || (!!p && !!q && p.min === q.min && p.max === q.max && p.step === q.step);
  return (!a && !b) || (!!a && !!b && same(a.x, b.x) && same(a.y, b.y));
}

/**
 * The extents a rebuild of the same chart draws with: each axis as it is while the new data fits inside it and fills at
 * least 60 % of it, else the new data's own. The ladder's bins move with the price on every rebuild; its axes (the
 * engine's only work on this chart) then change only when the ladder has moved well away or shrunk.
 */
export function settledExtent(held, next) {
  if (!held || !next?.data) return next;
  const keeps = (h, n, d) => !!h && d.min >= h.min && d.max <= h.max && n.max - n.min >= 0.6 * (h.max - h.min);
  return { x: keeps(held.x, next.x, next.data.x) ? held.x : next.x, y: keeps(held.y, next.y, next.data.y) ? held.y : next.y, data: next.data };
}
