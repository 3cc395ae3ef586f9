#!/usr/bin/env bash
# Load on the hearings desk and on one case page: 2 000 stored hearings with the sample registers
# and complaints, assessed, a signed-in session, wrk on loopback for 30 s each. Reports requests per
# second and the latency distribution (p50–p99) of each. Target: p99 under 20 ms at 200 requests
# per second. wrk (Debian's package) runs closed-loop connections; the Lua script
# below paces them so that together they offer RATE requests per second.
#
#   Benchmarks/web_load.sh [--db postgres://…] [RATE] [SECONDS]   (defaults 200 and 30; release build)
#
# With --db the hearings and the session are in that PostgreSQL database, in a schema of their own;
# without it in a fresh SQLite file.
set -euo pipefail
cd "$(dirname "$0")/.."
database=""
if [ "${1:-}" = "--db" ]; then database="$2"; shift 2; fi
rate="${1:-200}"
duration="${2:-30}"
work="$(mktemp -d)"
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

swift build -c release --product skjenk >/dev/null
swift build -c release --product skjenk-bench >/dev/null
bin="$(swift build -c release --show-bin-path)"
if [ -n "$database" ]; then
    case "$database" in *\?*) sep="&" ;; *) sep="?" ;; esac
    export SKJENK_DB="${database}${sep}schema=load_$RANDOM$RANDOM"
else
    export SKJENK_DB="$work/load.sqlite"
fi
export SKJENK_POLICY=Samples/policy.yaml
"$bin/skjenk-bench" hearings 2000 "$work/hoeringer.xml"
"$bin/skjenk" import "$work/hoeringer.xml" >/dev/null
# The registers and complaints the samples carry, so the case page assesses against real data.
for file in skoler.csv barnehager.geojson ungdom-og-behandling.csv idrett.geojson; do
    "$bin/skjenk" sites import "Samples/registers/$file" >/dev/null
done
"$bin/skjenk" venues import Samples/registers/skjenkebevillinger-kart.geojson >/dev/null
"$bin/skjenk" venues import Samples/registers/salgssteder.csv >/dev/null
"$bin/skjenk" points import Samples/registers/prikker.csv >/dev/null
"$bin/skjenk" addresses import Samples/registers/adresser-utdrag.csv >/dev/null
"$bin/skjenk" zones import Samples/registers/soner.geojson >/dev/null
"$bin/skjenk" complaints import Samples/complaints/klager-2026.csv >/dev/null
# Assessed once, so the desk shows every case's risk level.
"$bin/skjenk" assess --all --json >/dev/null
password="ytelse-$RANDOM$RANDOM-maaling"
echo "$password" | "$bin/skjenk" users add last --role saksbehandler >/dev/null

port=$((20000 + RANDOM % 20000))
"$bin/skjenk" serve --port "$port" > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done

# Sign in like a browser: the form token from its cookie, then the session cookie.
jar="$work/cookies"
token=$(curl -fs -c "$jar" "http://127.0.0.1:$port/logg-inn" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -fs -o /dev/null -b "$jar" -c "$jar" --data-urlencode "csrf=$token" --data-urlencode "navn=last" \
    --data-urlencode "passord=$password" "http://127.0.0.1:$port/logg-inn"
session=$(awk '$6 == "skjenk_sesjon" { print $7 }' "$jar")
desk="$(curl -fs -H "Cookie: skjenk_sesjon=$session" "http://127.0.0.1:$port/saker")"
rows=$(printf '%s' "$desk" | grep -c '<tr><td data-label="Frist">' || true)
assessed=$(printf '%s' "$desk" | grep -o 'class="merke merke-risiko-[a-z]*"' | grep -vc 'merke-risiko-ukjent' || true)
echo "hearings desk: $rows rows per page, $assessed with a risk level"
# The case page measured: the first case on the desk.
case_path=$(printf '%s' "$desk" | grep -o 'href="/saker/[0-9]*/[0-9]*"' | head -1 | sed 's/href="\(.*\)"/\1/')
curl -fs -o /dev/null -H "Cookie: skjenk_sesjon=$session" "http://127.0.0.1:$port$case_path"

# Pacing: each of wrk's threads offers rate/threads requests per second on a fixed schedule
# (slot k at start + k × interval); delay() waits for the request's slot. The clock comes from
# gettimeofday through LuaJIT's FFI (wrk's Lua has no millisecond clock of its own). Eight
# connections keep a slot from waiting on a slow response.
threads=2
connections=8
cat > "$work/pace.lua" <<LUA
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_usec; } timeval;
int gettimeofday(timeval *tv, void *tz);
]]
local tv = ffi.new("timeval")
local function now_ms()
  ffi.C.gettimeofday(tv, nil)
  return tonumber(tv.tv_sec) * 1000 + tonumber(tv.tv_usec) / 1000
end
wrk.headers["Cookie"] = "skjenk_sesjon=$session"
local interval = 1000 * $threads / $rate
local next_slot = nil
function delay()
  local now = now_ms()
  if next_slot == nil then next_slot = now end
  local wait = next_slot - now
  next_slot = next_slot + interval
  if wait < 0 then return 0 end
  return math.floor(wait)
end
LUA
echo "offered load: $rate requests/s for ${duration} s ($threads threads, $connections connections)"
echo "== the hearings desk (/saker) =="
wrk -t "$threads" -c "$connections" -d "${duration}s" --latency -s "$work/pace.lua" "http://127.0.0.1:$port/saker"
echo "== a case page ($case_path) =="
wrk -t "$threads" -c "$connections" -d "${duration}s" --latency -s "$work/pace.lua" "http://127.0.0.1:$port$case_path"
