#!/usr/bin/env bash
# `npm test`: the whole suite. System packages first (installed when possible, else the exact
# command is printed), then widget bundles (the e2e tests serve them), then every vitest project:
# unit, db-sqlite, db-postgres, e2e, with the static checks — types, formatting, lint (type-aware on
# server/ and lending/; it also forbids production code importing test/, emulator/ or scripts/) —
# running beside them: the browser tests leave a core idle much of the time, and the checks used to
# add ~1.5 min in front (issue 12 item 7). Their output is printed after vitest's; either failing
# fails the run. Import cycles are a test of the e2e project (test/import-cycles.test.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-system-deps.sh
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
mkdir -p test-results
checks_log=test-results/static-checks.log
(
  set -e
  echo '$ tsc --noEmit' && npx tsc --noEmit
  echo '$ prettier --check .' && npx prettier --check . --log-level warn
  echo '$ eslint .' && npx eslint .
) > "$checks_log" 2>&1 &
checks_pid=$!
# Widgets through the demo's stale-or-missing check (a hash of their sources), so e2e tests skip a rebuild.
npx tsx scripts/build-widgets.ts
# The JSON report gives CI one plain closing line ("tests: N passed, N failed") besides vitest's own.
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json "$@" || status=$?
checks=0
wait "$checks_pid" || checks=$?
echo
echo "static checks (tsc, prettier, eslint):"
cat "$checks_log"
if [ "$checks" -ne 0 ]; then echo "static checks: FAILED (exit $checks)"; else echo "static checks: ok"; fi
node -e '
  const r = JSON.parse(require("fs").readFileSync("test-results/vitest.json", "utf8"));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
' || true
[ "$status" -ne 0 ] && exit $status
exit $checks
