#!/usr/bin/env bash
# `npm start`: run the tutor from a clone. Installs and builds on first use; arguments pass through
# (`npm start -- list`, `npm start -- --lang fr doctor`).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ ! -d "$root/node_modules" ] || [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
  (cd "$root" && npm install --no-audit --no-fund --no-save --loglevel=error) >&2
fi
if [ ! -f "$root/dist/cli.js" ] || [ -n "$(find "$root/src" -newer "$root/dist/cli.js" -name '*.ts' -print -quit)" ]; then
  (cd "$root" && npm run --silent build) >&2
fi
# No arguments: the interactive tutor.
if [ "$#" -eq 0 ]; then set -- start; fi
exec node "$root/dist/cli.js" "$@"
