#!/usr/bin/env bash
# Where a live circuit's managed memory goes: runs the Release app on loopback, opens one warm-up tab (closed), takes a
# heap dump at 0 circuits, opens N Chromium tabs on URL_PATH, dumps again, closes them, dumps a third time, and prints
# the per-type live-heap difference per circuit between open and closed (dotnet-dump `dumpheap -stat -live`). Needs
# dotnet-dump (dotnet tool install -g dotnet-dump), Debian chromium, and a Release build of the bench (it carries
# Playwright's node driver).
#   [KEEP=1] [DAYS=3] scripts/circuit-heap.sh [URL_PATH] [N]   (KEEP=1 keeps the dumps; DAYS of simulated history) e.g. scripts/circuit-heap.sh "/funding?asset=BTC&range=24h" 10
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
path="${1:-/}"; n="${2:-10}"; port=5099
work="$(mktemp -d)"; dump="$HOME/.dotnet/tools/dotnet-dump"
dotnet build "$root/FundingWeb.Bench" -c Release -nologo -clp:ErrorsOnly >/dev/null
driver="$root/FundingWeb.Bench/bin/Release/net10.0/.playwright/package"
dotnet "$root/FundingWeb/bin/Release/net10.0/FundingWeb.dll" --urls=http://127.0.0.1:$port --Storage:Path="$work/app.db" \
  --Feed:Simulator:BackfillDays=${DAYS:-3} --Live:Limits:MaxCircuitsPerClient=200 --Logging:LogLevel:Default=Warning >"$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; if [ -n "${KEEP:-}" ]; then echo "dumps kept in $work" >&2; else rm -rf "$work"; fi' EXIT
for _ in $(seq 60); do curl -sf -o /dev/null http://127.0.0.1:$port/healthz && break; sleep 1; done
cat >"$work/tabs.js" <<JS
const { chromium } = require('$driver');
const fs = require('fs');
(async () => {
  const [url, n, stop] = [process.argv[2], +process.argv[3], process.argv[4]];
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  for (let i = 0; i < n; i++) {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('[data-testid=connection][data-state=live]', { timeout: 120000 });
  }
  console.log('OPEN');
  while (!fs.existsSync(stop)) await new Promise(r => setTimeout(r, 200));
  await context.close(); await browser.close();
})();
JS
circuits() { curl -s http://127.0.0.1:$port/metrics | awk '/^fundingweb_circuits_open/ {print $2}'; }
settle() { for _ in $(seq 120); do [ "$(circuits)" = "$1" ] && return; sleep 1; done; echo "circuits still $(circuits)" >&2; }
tabs() { # count, then waits for OPEN; leaves them open until $work/stop-$1 exists
  node "$work/tabs.js" "http://127.0.0.1:$port$path" "$1" "$work/stop-$2" >"$work/tabs-$2.log" 2>&1 &
  tabs_pid=$!
  for _ in $(seq 300); do grep -q OPEN "$work/tabs-$2.log" && return; sleep 1; done; echo "tabs did not open" >&2; exit 1; }
stat() { "$dump" collect -p $app -o "$work/$1.dmp" --type Heap >/dev/null
  "$dump" analyze "$work/$1.dmp" -c "dumpheap -stat -live" -c exit | awk '/^[0-9a-f]+ +[0-9,]+ +[0-9,]+ /{print $4, $2, $3}' >"$work/$1.txt"; }
tabs 1 warm; touch "$work/stop-warm"; wait $tabs_pid || true; settle 0
stat zero
tabs "$n" many; sleep 10
stat many
touch "$work/stop-many"; wait $tabs_pid || true; settle 0
stat closed
python3 - "$work/zero.txt" "$work/many.txt" "$work/closed.txt" "$n" <<'PY'
import sys
def load(f):
    d = {}
    for line in open(f):
        name, count, size = line.split()
        d[name] = (int(count.replace(',', '')), int(size.replace(',', '')))
    return d
zero, b, a, n = load(sys.argv[1]), load(sys.argv[2]), load(sys.argv[3]), int(sys.argv[4])
def total(base): return sum(v[1] for v in b.values()) - sum(v[1] for v in base.values())
# What the circuits held is what closing them gave back; against the heap before they opened, the figure also carries
# what the process grew meanwhile (the simulator's state, caches, pools) whatever the number of circuits.
print(f"managed heap per circuit: {total(a) / n / 1024:.0f} KB released when the {n} tabs closed; {total(zero) / n / 1024:.0f} KB against the heap before they opened")
rows = [(b[k][1] - a.get(k, (0, 0))[1], b[k][0] - a.get(k, (0, 0))[0], k) for k in b]
for size, count, name in sorted(rows, reverse=True)[:25]:
    print(f"{size / n / 1024:8.1f} KB {count / n:8.1f} objects  {name}")
PY
