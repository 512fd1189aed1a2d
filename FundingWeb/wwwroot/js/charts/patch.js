// A same-shape rebuild (the liquidation ladder every few seconds) arrives as its changes (Model/Charts/SeriesDiff.cs):
// per series id, new y at an x (set), the x of points gone (remove), new points at their index in the new data (insert),
// or the whole new data (data). Applied in that order to the module's own copy, it gives the server's data exactly, order
// included: bars on a price axis stack by index.

/** A series' data after one patch; the data passed in is not changed. */
function patched(data, p) {
  if (Array.isArray(p.data)) return [...p.data];
  const gone = new Set(p.remove ?? []);
  const set = new Map((p.set ?? []).map(q => [q[0], q[1]]));
  const out = [];
  for (const q of data ?? []) {
    if (!Array.isArray(q)) out.push(q);
    else if (!gone.has(q[0])) out.push(set.has(q[0]) ? [q[0], set.get(q[0])] : q);
  }
  for (const [i, x, y] of p.insert ?? []) out.splice(i, 0, [x, y]);
  return out;
}

/** Each patch into the series with its id (unknown ids are ignored); returns the series it touched. */
export function applyPatches(series, patches) {
  const touched = new Set();
  for (const p of patches ?? []) {
    const s = series.find(x => x.id === p.id);
    if (!s) continue;
    s.data = patched(s.data, p);
    s.drawn = null;
    touched.add(s);
  }
  return [...touched];
}
