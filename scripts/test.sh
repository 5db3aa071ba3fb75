#!/usr/bin/env bash
# The README's test command (`npm test`): unit tests, then integration and end-to-end tests against a
# real Docker engine. Starts an engine and builds the local look-alike images first when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-docker.sh
bash scripts/build-images.sh all
bash scripts/ensure-node24.sh >/dev/null
exec npx vitest run "$@"
