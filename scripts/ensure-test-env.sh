#!/usr/bin/env bash
# Everything docker-tutor's engine tests need: a Docker engine that answers
# (installed and started if need be) and the images the lessons use (pulled,
# or offline stand-ins built; see scripts/STANDINS.md).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bash "$here/engine.sh" ensure
bash "$here/standins.sh"
