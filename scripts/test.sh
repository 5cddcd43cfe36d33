#!/usr/bin/env bash
# `npm test`: the whole suite. System packages first (installed when possible, else the exact
# command is printed), then types, formatting and lint (type-aware on server/ and lending/; it also
# forbids production code importing test/, emulator/ or scripts/), widget bundles (the e2e tests
# serve them), then every vitest project: unit, db-sqlite, db-postgres, e2e. Import cycles are a
# test of the e2e project (test/import-cycles.test.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-system-deps.sh
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
npx tsc --noEmit
npx prettier --check . --log-level warn
npx eslint .
# Widgets through the demo's stale-or-missing check (a hash of their sources), so e2e tests skip a rebuild.
npx tsx scripts/build-widgets.ts
# The JSON report gives CI one plain closing line ("tests: N passed, N failed") besides vitest's own.
mkdir -p test-results
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json "$@" || status=$?
node -e '
  const r = JSON.parse(require("fs").readFileSync("test-results/vitest.json", "utf8"));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
' || true
exit $status
