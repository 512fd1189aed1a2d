#!/usr/bin/env bash
# The README's test command. Installs what the tests need on a fresh machine (Debian chromium for the browser tests;
# npm packages come in through the build), builds, runs every test, and ends with one "N passed, N failed" line.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1 && [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "Installing Debian chromium for the browser tests..."
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

dotnet build FundingWeb.sln -c Debug -nologo -clp:ErrorsOnly
out=$(mktemp)
set +e
dotnet test FundingWeb.sln -c Debug --no-build -nologo --logger "console;verbosity=normal" 2>&1 | tee "$out" | grep -E "^\s*(Failed|Passed|Skipped) [A-Za-z]|Total tests|Failed!|Passed!|error" 
status=${PIPESTATUS[0]}
set -e
passed=$(awk '/^ *Passed: +[0-9]+/ {s += $2} END {print s + 0}' "$out")
failed=$(awk '/^ *Failed: +[0-9]+/ {s += $2} END {print s + 0}' "$out")
if [ "$status" -ne 0 ]; then grep -A 25 -E "^\s+Failed [A-Za-z]" "$out" | head -200 || true; fi
rm -f "$out"
echo "${passed:-0} passed, ${failed:-0} failed"
exit "$status"
