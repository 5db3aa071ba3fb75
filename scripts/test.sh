#!/usr/bin/env bash
# The README's test command (`npm test`): unit tests, then integration and end-to-end tests against a
# real Docker engine. Starts an engine, builds the local look-alike images and installs the registry the
# registry tests run (Debian's docker-registry) first when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-docker.sh
bash scripts/build-images.sh all
bash scripts/ensure-registry.sh
bash scripts/ensure-node24.sh >/dev/null

results=$(mktemp --suffix .json)
trap 'rm -f "$results"' EXIT
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json="$results" "$@" || status=$?
# One closing line in the plain "N passed, N failed" form, whatever the reporter prints.
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
' "$results" || true
exit "$status"
