// Thinning a time series to about one point per pixel of the plot: the server already sends ≤ 2,000 points per series;
// drawing more than the plot's pixels costs time and shows nothing more.

// Largest-Triangle-Three-Buckets (Steinarsson, 2013): keeps the first and last point and, per bucket, the point that
// spans the largest triangle with its neighbours, so peaks and troughs survive. Points are [x, y]; gaps (null y) are kept.
export function lttb(data, threshold) {
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

// What the engine draws of a series: its first `count` points (all when not given), thinned to the series' target.
// Kept with the series until its data changes, so a redraw of other series does not thin it again.
export function drawnOf(s, count) {
  const n = count ?? s.data.length;
  if (!Array.isArray(s.data) || n === 0 || !Array.isArray(s.data[0]) || !(s.target > 0) || s.marker) return n === s.data.length ? s.data : s.data.slice(0, n);
  if (!s.drawn || s.drawnCount !== n) {
    s.drawn = lttb(n === s.data.length ? s.data : s.data.slice(0, n), s.target);
    s.drawnCount = n;
  }
  return s.drawn;
}
