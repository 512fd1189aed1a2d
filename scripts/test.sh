#!/usr/bin/env bash
# The README's test command. Installs what the tests need on a fresh machine (Debian chromium for the browser tests,
# postgresql and nginx for the scale-out tests; npm packages come in through the build), builds, runs every test, and
# ends with one "N passed, N failed" line. The PostgreSQL tests start their own throwaway cluster (initdb in a temp
# folder, as the postgres user when run as root) and nginx their own instance: nothing here starts a system service.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
if ! command -v chromium >/dev/null 2>&1 && [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then missing+=(chromium); fi
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then missing+=(postgresql); fi
if [ ! -x "${NGINX_PATH:-/usr/sbin/nginx}" ]; then missing+=(nginx); fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian ${missing[*]} for the browser and scale-out tests..."
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  # The packages' own services are not wanted (the tests start their own): keep the installs from starting them.
  if [ ! -e /usr/sbin/policy-rc.d ]; then printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null; $SUDO chmod +x /usr/sbin/policy-rc.d; added_policy=1; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  if [ "${added_policy:-0}" -eq 1 ]; then $SUDO rm -f /usr/sbin/policy-rc.d; fi
fi

dotnet build FundingWeb.sln -c Debug -nologo -clp:ErrorsOnly
out=$(mktemp)
# Two tiers, both always run: Fast (unit and bUnit: no server, no browser) first, so a broken model fails in a minute;
# then everything else (browser, app host, venue worlds, PostgreSQL, nginx). "Category!=Fast" rather than "=Slow": a
# class that names no tier still runs (and TestTierTests fails it).
status=0
for tier in "Category=Fast" "Category!=Fast"; do
  echo "== tests: $tier"
  set +e
  dotnet test FundingWeb.sln -c Debug --no-build -nologo --filter "$tier" --logger "console;verbosity=normal" 2>&1 | tee -a "$out" | grep -E "^\s*(Failed|Skipped) [A-Za-z]|Total tests|Failed!|Passed!|error"
  tier_status=${PIPESTATUS[0]}
  set -e
  if [ "$tier_status" -ne 0 ]; then status=$tier_status; fi
done
passed=$(awk '/^ *Passed: +[0-9]+/ {s += $2} END {print s + 0}' "$out")
failed=$(awk '/^ *Failed: +[0-9]+/ {s += $2} END {print s + 0}' "$out")
if [ "$status" -ne 0 ]; then grep -A 25 -E "^\s+Failed [A-Za-z]" "$out" | head -200 || true; fi
rm -f "$out"
echo "${passed:-0} passed, ${failed:-0} failed"
exit "$status"
