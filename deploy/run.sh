#!/usr/bin/env bash
# The reference deployment on one machine: PostgreSQL, one poller, two web nodes and nginx in front, all on loopback.
#   bash deploy/run.sh            # then open http://127.0.0.1:8080 ; Ctrl-C stops everything
# Environment: PORT (nginx, 8080), WEB1_PORT/WEB2_PORT (5101/5102), POLLER_PORT (5100), PG_PORT (5433),
# STATE (deploy/.state: the PostgreSQL cluster and logs; kept between runs), FEED (Simulated or Live).
# On a real deployment each piece runs on its own machine with the same flags (see the README, "Scale-out").
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-8080}; WEB1_PORT=${WEB1_PORT:-5101}; WEB2_PORT=${WEB2_PORT:-5102}; POLLER_PORT=${POLLER_PORT:-5100}; PG_PORT=${PG_PORT:-5433}
STATE=$(realpath -m "${STATE:-deploy/.state}"); FEED=${FEED:-Simulated}
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi

missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
if [ ${#missing[@]} -gt 0 ]; then $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null; fi
PGBIN=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")

# PostgreSQL refuses to run as root: as root the cluster belongs to the postgres user.
mkdir -p "$STATE"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" -eq 0 ]; then chown postgres "$STATE"; fi
if [ ! -d "$STATE/pg" ]; then as_pg "$PGBIN/initdb" -D "$STATE/pg" -U fundingweb --auth=trust -E UTF8 --no-locale >/dev/null; fi
as_pg "$PGBIN/pg_ctl" -D "$STATE/pg" -l "$STATE/postgres.log" -w status >/dev/null 2>&1 ||
  as_pg "$PGBIN/pg_ctl" -D "$STATE/pg" -l "$STATE/postgres.log" -w -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $STATE" start >/dev/null
psql -h 127.0.0.1 -p "$PG_PORT" -U fundingweb -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'fundingweb'" | grep -q 1 ||
  psql -h 127.0.0.1 -p "$PG_PORT" -U fundingweb -d postgres -qc "CREATE DATABASE fundingweb"

dotnet build FundingWeb -c Release -nologo -clp:ErrorsOnly
BIN=FundingWeb/bin/Release/net10.0/FundingWeb
CS="Host=127.0.0.1;Port=$PG_PORT;Database=fundingweb;Username=fundingweb"
common=(--Storage:Provider=Postgres "--Storage:ConnectionString=$CS" "--Feed:Mode=$FEED")
pids=()
stop() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; as_pg "$PGBIN/pg_ctl" -D "$STATE/pg" -w stop >/dev/null || true; }
trap stop EXIT INT TERM

"$BIN" "${common[@]}" --Role=Poller --NodeName=poller1 --urls "http://127.0.0.1:$POLLER_PORT" >"$STATE/poller1.log" 2>&1 & pids+=($!)
# The web nodes trust the proxy's X-Forwarded-* (loopback is trusted by default): real client addresses for rate limits.
"$BIN" "${common[@]}" --Role=Web --NodeName=web1 --urls "http://127.0.0.1:$WEB1_PORT" --ForwardedHeaders:Enabled=true >"$STATE/web1.log" 2>&1 & pids+=($!)
"$BIN" "${common[@]}" --Role=Web --NodeName=web2 --urls "http://127.0.0.1:$WEB2_PORT" --ForwardedHeaders:Enabled=true >"$STATE/web2.log" 2>&1 & pids+=($!)

mkdir -p "$STATE/nginx"
user_line=""; [ "$(id -u)" -eq 0 ] && user_line="user root;"
esc() { printf '%s' "$1" | sed 's/\./\\\\./g'; }
sed -e "s#@@USER_LINE@@#$user_line#" -e "s#@@PREFIX@@#$STATE/nginx#g" -e "s#@@LISTEN@@#127.0.0.1:$PORT#" \
    -e "s#@@WEB1_RE@@#$(esc "127.0.0.1:$WEB1_PORT")#" -e "s#@@WEB2_RE@@#$(esc "127.0.0.1:$WEB2_PORT")#" \
    -e "s#@@WEB1@@#127.0.0.1:$WEB1_PORT#g" -e "s#@@WEB2@@#127.0.0.1:$WEB2_PORT#g" deploy/nginx.conf.template >"$STATE/nginx/nginx.conf"
/usr/sbin/nginx -p "$STATE/nginx" -c "$STATE/nginx/nginx.conf" -e "$STATE/nginx/error.log" & pids+=($!)

echo "FundingWeb: http://127.0.0.1:$PORT (web1 :$WEB1_PORT, web2 :$WEB2_PORT, poller :$POLLER_PORT/healthz, PostgreSQL :$PG_PORT); logs in $STATE. Ctrl-C stops all."
wait -n "${pids[@]}" || true
