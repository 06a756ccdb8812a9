#!/usr/bin/env bash
# `npm test`: everything the project's tests need, then every test, on a fresh machine too.
# Installs dependencies, builds, makes sure a Docker engine answers (starting one, installing
# Debian's docker.io as root where none is installed), builds offline stand-ins for the images the
# lessons use, runs the formatter/linter, the type checker and all vitest projects (unit, engine,
# e2e), and stops the engine again if it started it.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "dependencies"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # npm ci refuses this lock file: npm 11 records only the platform packages of the machine that wrote it.
  npm install --no-audit --no-fund --no-save
else
  echo "node_modules is up to date"
fi

step "build"
npm run --silent build

step "format, lint and types"
npx biome check .
npx tsc -p tsconfig.json --noEmit

step "Docker engine"
bash scripts/engine.sh ensure
# Stop only what engine.sh itself started; an engine that was already running is left alone.
trap 'bash scripts/engine.sh stop' EXIT

step "offline stand-in images"
bash scripts/standins.sh

step "tests"
mkdir -p .tmp
rm -f .tmp/verify-builtin.xml
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json "$@" || status=$?
# One closing line in the form every CI reads: "N passed, N failed".
node -e '
  const r = JSON.parse(require("fs").readFileSync(".tmp/vitest.json", "utf8"));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
' || true
# verify's JUnit report of the built-in pack, kept in the CI log.
if [ -f .tmp/verify-builtin.xml ]; then
  step "verify report (JUnit) of the built-in pack"
  cat .tmp/verify-builtin.xml
fi
exit "$status"
