#!/usr/bin/env bash
# Quick start: run the main job (`initsteps up`) on a bundled example, show the result, run it again
# to show the skips, then remove everything (set KEEP=1 to leave the services running).
# Starts a Docker engine and builds the local look-alike images when missing, and says so.
# Usage: scripts/example.sh [postgres|ledger|config]   (default: postgres)
set -euo pipefail
cd "$(dirname "$0")/.."

example="${1:-postgres}"
spec="examples/$example/initsteps.yaml"
[ -f "$spec" ] || { echo "no such example: $example (postgres, ledger, config)" >&2; exit 2; }
project="initsteps-example-$example"
cli=(node dist/cli/index.js)

bash scripts/ensure-docker.sh
case "$example" in
  postgres) bash scripts/build-images.sh all ;;
  *) bash scripts/build-images.sh busybox ;;
esac

if [ "${KEEP:-}" != 1 ]; then
  trap '"${cli[@]}" down "$spec" --project "$project" --volumes >/dev/null' EXIT
fi

echo "\$ initsteps up $spec"
"${cli[@]}" up "$spec" --project "$project"
echo
echo "\$ initsteps status $spec"
"${cli[@]}" status "$spec" --project "$project"
echo
echo "\$ initsteps up $spec   # again: initialized volumes are remembered"
"${cli[@]}" up "$spec" --project "$project"
if [ "${KEEP:-}" = 1 ]; then
  echo
  echo "services left running; remove them with: node dist/cli/index.js down $spec --project $project --volumes"
fi
