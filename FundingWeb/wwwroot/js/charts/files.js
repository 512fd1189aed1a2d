// Files handed to the browser as downloads: what the charts draw (PNG, SVG) and what the server built (CSV; a zip as base64).
export function save(href, fileName) {
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

// A file the server built (CSV; a zip as base64) handed to the browser as a download.
export function downloadText(fileName, text, mime) {
  const url = URL.createObjectURL(new Blob([text], { type: mime ?? 'text/csv;charset=utf-8' }));
  save(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export function downloadBase64(fileName, base64, mime) {
  save(`data:${mime};base64,${base64}`, fileName);
}
