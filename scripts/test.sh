#!/usr/bin/env bash
# `npm test`: everything the project's tests need, then every test, on a fresh machine too.
# Installs dependencies, builds, makes sure a Docker engine answers (starting one, installing
# Debian's docker.io as root where none is installed), builds offline stand-ins for the images the
# lessons use, runs the formatter/linter, the type checker and all vitest projects (unit, engine,
# e2e), then the engine tests again on Docker 28 nested on the first engine (scripts/engine28.sh:
# compose v2 and BuildKit) and verify of the built-in pack on Podman (scripts/podman.sh), and stops
# the engines again if it started them.
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

mkdir -p .tmp
rm -f .tmp/verify-builtin-*.xml

# One closing line in the form every CI reads: "N passed, N failed".
summary() {
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const skipped = r.numPendingTests + r.numTodoTests;
    // A file whose setup failed fails no test of its own: count it too, or a broken run reads "0 failed".
    const failed = r.numFailedTests + r.testResults.filter((f) => f.status === "failed" && f.assertionResults.every((a) => a.status !== "failed")).length;
    console.log(`tests (${process.argv[2]}): ${r.numPassedTests} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ""));
  ' "$1" "$2" || true
}

step "tests on $(docker version --format 'Docker {{.Server.Version}} (API {{.Server.APIVersion}})' 2>/dev/null || echo 'the engine')"
status=0
DOCKER_TUTOR_ENGINE_NAME=base npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest.json "$@" || status=$?
summary .tmp/vitest.json base

# The engine matrix: the engine tests and verify of the built-in pack again, on a current Docker (compose
# v2, BuildKit), nested on the base engine. Only when the engine tests were asked for; skip it with
# DOCKER_TUTOR_MATRIX=0.
if [[ " $* " == *" engine "* ]] && [ "${DOCKER_TUTOR_MATRIX:-1}" != 0 ]; then
  step "engine matrix: Docker 28 (compose v2, BuildKit), nested"
  trap 'bash scripts/engine28.sh stop; bash scripts/engine.sh stop' EXIT
  bash scripts/engine28.sh ensure
  # shellcheck disable=SC2046 # the file holds KEY=value lines without spaces
  env $(cat .tmp/engine28.env) DOCKER_TUTOR_ENGINE_NAME=docker28 \
    npx vitest run --project engine --reporter=default --reporter=json --outputFile.json=.tmp/vitest-docker28.json || status=$?
  summary .tmp/vitest-docker28.json docker28
fi

# Podman 4.3 (Debian 12) serving Docker's API: verify of the built-in pack, skipping the steps lessons
# declare as needing Docker. Skip it with DOCKER_TUTOR_PODMAN=0.
if [[ " $* " == *" engine "* ]] && [ "${DOCKER_TUTOR_PODMAN:-1}" != 0 ]; then
  step "engine matrix: Podman 4.3 (Docker-compatible API)"
  trap 'bash scripts/podman.sh stop; bash scripts/engine28.sh stop; bash scripts/engine.sh stop' EXIT
  bash scripts/podman.sh ensure
  npx vitest run --project podman --reporter=default --reporter=json --outputFile.json=.tmp/vitest-podman.json || status=$?
  summary .tmp/vitest-podman.json podman
fi

# Remote engines: Docker 28 (the matrix's image) over tcp with --tlsverify, and behind an SSH server,
# certificates and keys made by the tests; and the pull path, through a local registry that a nested
# engine uses as its registry mirror. Needs the matrix's image; skip it with DOCKER_TUTOR_REMOTE=0.
if [[ " $* " == *" engine "* ]] && [ "${DOCKER_TUTOR_MATRIX:-1}" != 0 ] && [ "${DOCKER_TUTOR_REMOTE:-1}" != 0 ]; then
  step "remote engines: TLS, SSH, and pulls through a registry mirror"
  npx vitest run --project remote --reporter=default --reporter=json --outputFile.json=.tmp/vitest-remote.json || status=$?
  summary .tmp/vitest-remote.json remote
fi

# verify's JUnit report of the built-in pack on each engine, kept in the CI log.
for report in .tmp/verify-builtin-*.xml; do
  [ -f "$report" ] || continue
  step "verify report (JUnit) of the built-in pack on $(basename "$report" .xml | sed 's/^verify-builtin-//')"
  cat "$report"
done
exit "$status"
