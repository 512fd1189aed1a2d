// How numbers print on charts. Axis ticks carry only the decimals their step needs ("2,500 M", not "2500.00 M");
// tooltips keep the chart's full precision, because there a reader compares values.

export function tooltipNumber(spec) {
  const decimals = spec.yDecimals ?? 2;
  const unit = spec.yUnit ?? '';
  return (v) => (v === null || v === undefined || Number.isNaN(v)) ? '–' : `${Number(v).toFixed(decimals)}${unit}`;
}

// The decimals a tick step needs: 0.25 needs two, 5 needs none.
export function decimalsOfStep(step) {
  if (!(step > 0) || !Number.isFinite(step)) return null;
  for (let d = 0; d <= 10; d++) if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-6 * 10 ** d * step) return d;
  return 10;
}

// A tick label: thousands separated, at most `max` decimals, trailing zeros dropped unless `fixed` decimals are given.
export function tickNumber(value, max, fixed) {
  if (value === null || value === undefined || !Number.isFinite(Number(value))) return '–';
  const digits = Math.max(0, Math.min(20, max));
  return Number(value).toLocaleString('en-US', { minimumFractionDigits: fixed ? digits : 0, maximumFractionDigits: digits });
}

export function yTickFormatter(spec, step) {
  const unit = spec.yUnit ?? '';
  const fixed = decimalsOfStep(step);
  return (v) => `${tickNumber(v, fixed ?? spec.yDecimals ?? 2, fixed !== null)}${unit}`;
}

export function xTickFormatter(spec) {
  if (spec.xType !== 'numeric') return undefined;
  return (v) => tickNumber(v, spec.xDecimals ?? 2, false);
}

export function xTooltip(spec) {
  const decimals = spec.xDecimals ?? 2;
  return (v) => Number(v).toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

export function utcLabel(ms) {
  const d = new Date(ms);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())} UTC`;
}

// A step of 1, 2, 2.5 or 5 × 10ⁿ near `raw`, and the extent rounded out to it: axes that read as round numbers.
export function niceStep(raw) {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const e = 10 ** Math.floor(Math.log10(raw));
  const f = raw / e;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * e;
}

// The tightest round extent around [lo, hi] with a margin (room for a live value to move before the axis must change),
// in 3 to 8 steps of 1, 2, 2.5 or 5 × 10ⁿ.
export function niceExtent(lo, hi) {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { min: 0, max: 1, step: 0.25 };
  if (!(hi > lo)) {
    const pad = Math.abs(lo) * 0.1 || 1;
    lo -= pad;
    hi += pad;
  }
  const margin = (hi - lo) * 0.06;
  // The margin never crosses zero: an axis of amounts that are all positive starts at zero, not below it.
  const low = lo >= 0 ? Math.max(0, lo - margin) : lo - margin;
  const high = hi <= 0 ? Math.min(0, hi + margin) : hi + margin;
  let best = null;
  for (let k = 3; k <= 8; k++) {
    const step = niceStep((high - low) / k);
    const min = Math.floor(low / step) * step;
    const max = Math.ceil(high / step) * step;
    const count = Math.round((max - min) / step);
    if (count < 3 || count > 8) continue;
    const tighter = best === null || max - min < best.max - best.min - 1e-9 * step;
    const sameButCloserToFive = best !== null && Math.abs(max - min - (best.max - best.min)) <= 1e-9 * step && Math.abs(count - 5) < Math.abs(best.count - 5);
    if (tighter || sameButCloserToFive) best = { min, max, step, count };
  }
  return best ? { min: best.min, max: best.max, step: best.step } : { min: low, max: high, step: niceStep((high - low) / 5) };
}
