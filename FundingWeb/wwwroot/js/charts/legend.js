// The legend wraps onto as many lines as it needs (never pages), and the plot starts below it. ECharts does not tell
// how tall a wrapped legend is, so its lines are laid out here the way the engine lays them out.

export const legendItem = { width: 22, height: 10, gap: 14, padding: 4, lineHeight: 16, fontSize: 12 };

let measurer = null;

function textWidth(text, fontFamily) {
  measurer ??= document.createElement('canvas').getContext('2d');
  measurer.font = `${legendItem.fontSize}px ${fontFamily}`;
  return measurer.measureText(text).width;
}

/** How many lines the legend's items take across `width` pixels. */
export function legendLines(names, width, fontFamily) {
  const room = Math.max(1, width - 2 * legendItem.padding);
  let lines = names.length > 0 ? 1 : 0;
  let x = 0;
  for (const name of names) {
    const w = legendItem.width + 5 + textWidth(name, fontFamily);
    if (x > 0 && x + w > room) {
      lines++;
      x = 0;
    }
    x += w + legendItem.gap;
  }
  return lines;
}

export function legendHeight(lines) {
  return lines === 0 ? 0 : 2 * legendItem.padding + lines * legendItem.lineHeight + (lines - 1) * legendItem.gap;
}

// Icons that say what the line is without hovering it: a solid bar for settled (static) series, dashes for quoted
// (live) ones, dots for short dashes (CEX reference lines), a diamond for markers. Each path spans the whole icon box (the engine stretches a path to its box), with
// the visible part drawn in the middle.
const frame = 'M0,0L0.01,0Z M22,10L22.01,10Z';
const icons = {
  solid: `path://${frame} M0,4H22V6.4H0Z`,
  dashed: `path://${frame} M0,4H5V6.4H0Z M8.5,4H13.5V6.4H8.5Z M17,4H22V6.4H17Z`,
  dotted: `path://${frame} M0,4H2.4V6.4H0Z M4.9,4H7.3V6.4H4.9Z M9.8,4H12.2V6.4H9.8Z M14.7,4H17.1V6.4H14.7Z M19.6,4H22V6.4H19.6Z`,
  diamond: `path://${frame} M11,0L16,5L11,10L6,5Z`,
};

export function legendIcon(spec, s, i) {
  const kind = s.type ?? spec.kind ?? 'line';
  if (s.marker) return icons.diamond;
  if (kind !== 'line' && kind !== 'area') return undefined;
  const dash = spec.dashArray?.[i] ?? 0;
  return dash <= 0 ? icons.solid : dash <= 2 ? icons.dotted : icons.dashed;
}
