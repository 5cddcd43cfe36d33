#!/usr/bin/env bash
# `npm test`: the whole suite. System packages first (installed when possible, else the exact
# command is printed), then types, widget bundles (the e2e tests serve them), then every vitest
# project: unit, db-sqlite, db-postgres, e2e.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-system-deps.sh
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
npx tsc --noEmit
if [ -f widgets/vite.config.ts ]; then npx vite build --config widgets/vite.config.ts --logLevel warn; fi
npx vitest run "$@"
