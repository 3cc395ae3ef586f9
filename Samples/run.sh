#!/usr/bin/env bash
# The whole job on the bundled samples, on an embedded SQLite database: import the hearings and
# every register, log the sample complaints, assess every open case, and write a draft statement
# for each in HTML and Word to the folder named (default: uttalelser/), with the complaint log as
# CSV (no personal data).
#
#   Samples/run.sh [OUTPUT_DIR] [DATABASE]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-uttalelser}"
export SKJENK_DB="${2:-skjenk.sqlite}"
export SKJENK_POLICY=Samples/policy.yaml

# SKJENK_BIN names an already built skjenk (the tests run this script with theirs).
if [ -n "${SKJENK_BIN:-}" ]; then
    skjenk="$SKJENK_BIN"
else
    swift build --product skjenk
    skjenk="$(swift build --show-bin-path)/skjenk"
fi

"$skjenk" import Samples/hearings/*.xml
# The officer the sample letters name: a made-up sample caseworker with title and contact details
# (a user whose password nobody knows; set SKJENK_OFFICER to a user or a full name of your own).
if [ -z "${SKJENK_OFFICER:-}" ]; then
    if ! "$skjenk" users list | grep -q '^eksempel-saksbehandler\b'; then
        head -c 32 /dev/urandom | base64 | "$skjenk" users add eksempel-saksbehandler --role saksbehandler >/dev/null
    fi
    "$skjenk" users profile eksempel-saksbehandler --full-name "Ola Saksbehandler" --title "rådgiver" \
        --phone "23 47 00 00" --email "ola.saksbehandler@example.no" >/dev/null
    export SKJENK_OFFICER=eksempel-saksbehandler
fi
for file in skoler.csv barnehager.geojson ungdom-og-behandling.csv idrett.geojson; do
    "$skjenk" sites import "Samples/registers/$file"
done
"$skjenk" venues import Samples/registers/skjenkebevillinger-kart.geojson
"$skjenk" venues import Samples/registers/salgssteder.csv
"$skjenk" points import Samples/registers/prikker.csv
"$skjenk" addresses import Samples/registers/adresser-utdrag.csv
"$skjenk" zones import Samples/registers/soner.geojson
"$skjenk" roads import Samples/registers/veger.geojson
"$skjenk" complaints import Samples/complaints/klager-2026.csv
"$skjenk" assess --all --json > /dev/null
"$skjenk" draft --all --output-dir "$out"
"$skjenk" complaints export --output "$out/klager.csv"
"$skjenk" cases list
echo "Uttalelsene ligger i $out/ (HTML og Word) med klageloggen i $out/klager.csv, databasen i $SKJENK_DB."
