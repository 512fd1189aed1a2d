#!/usr/bin/env bash
# The storage benchmarks (ingest, 1-year Funding page) on SQLite and on PostgreSQL with the same data: starts a
# throwaway PostgreSQL cluster on a free loopback port (as the postgres user when run as root), runs the benchmark
# with --postgres, stops and deletes the cluster. Extra arguments go to the benchmark (e.g. --quick).
set -euo pipefail
cd "$(dirname "$0")/.."
PGBIN=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
dir=$(mktemp -d /tmp/fundingweb-bench-pg-XXXX)
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$dir"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg "$PGBIN/initdb" -D "$dir/data" -U fundingweb --auth=trust -E UTF8 --no-locale >/dev/null
# Durable settings as shipped (fsync on): the figures are what a real server does on this disk.
as_pg "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "-c listen_addresses=127.0.0.1 -p $port -k $dir" start >/dev/null
trap 'as_pg "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null; rm -rf "$dir"' EXIT
dotnet run -c Release --project FundingWeb.Bench -- --storage-only --postgres "Host=127.0.0.1;Port=$port;Username=fundingweb;Database=postgres" "$@"
