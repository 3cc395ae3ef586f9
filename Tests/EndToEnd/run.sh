#!/usr/bin/env bash
# The browser test: starts skjenk serve on sample data and drives it with Chromium (Selenium),
# checking every page with axe-core. Screenshots go to the folder given (default e2e-skjermbilder/).
#
#   Tests/EndToEnd/run.sh [SCREENSHOT_DIR]
#
# SKJENK_E2E_DB=postgres://… runs the same test on PostgreSQL, in a schema of its own.
#
# Needs Debian's chromium and chromium-driver, and Python with selenium and axe-selenium-python
# (`pip install -r Tests/EndToEnd/requirements.txt`); SKJENK_PYTHON names that Python (default python3).
set -euo pipefail
cd "$(dirname "$0")/../.."
shots="$(realpath -m "${1:-e2e-skjermbilder}")"
python="${SKJENK_PYTHON:-python3}"
work="$(mktemp -d)"
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

if [ -n "${SKJENK_BIN:-}" ]; then
    skjenk="$SKJENK_BIN"
else
    swift build --product skjenk >/dev/null
    skjenk="$(swift build --show-bin-path)/skjenk"
fi
if [ -n "${SKJENK_E2E_DB:-}" ]; then
    case "$SKJENK_E2E_DB" in *\?*) sep="&" ;; *) sep="?" ;; esac
    export SKJENK_DB="${SKJENK_E2E_DB}${sep}schema=e2e_$RANDOM$RANDOM"
else
    export SKJENK_DB="$work/e2e.sqlite"
fi
export SKJENK_POLICY=Samples/policy.yaml
export SKJENK_E2E_PASSWORD="e2e-passord-$RANDOM$RANDOM"
"$skjenk" import Samples/hearings/2026-uke45.xml >/dev/null
for file in skoler.csv barnehager.geojson ungdom-og-behandling.csv idrett.geojson; do
    "$skjenk" sites import "Samples/registers/$file" >/dev/null
done
"$skjenk" venues import Samples/registers/skjenkebevillinger-kart.geojson >/dev/null
"$skjenk" roads import Samples/registers/veger.geojson >/dev/null
echo "$SKJENK_E2E_PASSWORD" | "$skjenk" users add kari --role saksbehandler >/dev/null
echo "$SKJENK_E2E_PASSWORD" | "$skjenk" users add bu1 --role bu >/dev/null
echo "$SKJENK_E2E_PASSWORD" | "$skjenk" users add leder1 --role leder >/dev/null
echo "$SKJENK_E2E_PASSWORD" | "$skjenk" users add admin1 --role admin >/dev/null

port=$((20000 + RANDOM % 20000))
"$skjenk" serve --port "$port" > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 50); do
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.2
done
"$python" Tests/EndToEnd/browser_test.py "http://127.0.0.1:$port" "$shots" "$PWD/Samples/hearings/2026-uke47.xml"
