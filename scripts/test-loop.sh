#!/usr/bin/env bash
# The closing loop of issue 16: `npm test` N times in a row on this checkout (a clean clone, `npm ci`
# once), one line per run appended to RESULTS: exit code, vitest's totals, wall seconds, load averages.
# Usage: N=20 scripts/test-loop.sh   (FROM=k resumes at run k; RESULTS, default .netkata-tmp/test-loop/results.txt;
# each run's log and JSON report go beside it). Run it on an otherwise idle machine: about 3.5 min a run.
set -u
cd "$(dirname "$0")/.." || exit 1
N=${N:-20}
FROM=${FROM:-1}
RESULTS=${RESULTS:-.netkata-tmp/test-loop/results.txt}
out=$(dirname "$RESULTS")
mkdir -p "$out"
for i in $(seq "$FROM" "$N"); do
  s=$(date +%s)
  npm test -- --reporter=default --reporter=json --outputFile.json="$out/run-$i.json" > "$out/run-$i.log" 2>&1
  rc=$?
  e=$(date +%s)
  tot=$(node -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed`)' "$out/run-$i.json" 2>/dev/null || echo "no totals")
  echo "run $i rc=$rc $tot wall=$((e-s))s load=$(cut -d' ' -f1-3 /proc/loadavg) $(date +%H:%M)" >> "$RESULTS"
done
