#!/usr/bin/env bash
# Quick start: run the main job (`initsteps up`) on a bundled example, show the result, run it again
# to show the skips, then remove everything (set KEEP=1 to leave the services running).
# Starts a Docker engine and builds the local look-alike images when missing, and says so.
# node-migrations also installs its own dependencies (`npm ci` in its directory) and runs its tests
# (`npm test`) against the database between the two runs.
# kubernetes runs the Kubernetes manifests of examples/kubernetes/*.yaml unchanged (docs/kubernetes.md).
# Usage: scripts/example.sh [postgres|node-migrations|ledger|config|kubernetes]   (default: postgres)
set -euo pipefail
cd "$(dirname "$0")/.."

example="${1:-postgres}"
spec="examples/$example/initsteps.yaml"
# An example of Kubernetes manifests is its directory's files, given together (one project).
[ "$example" = kubernetes ] && spec="examples/kubernetes/app.yaml examples/kubernetes/database.yaml examples/kubernetes/migrate.yaml"
for f in $spec; do
  [ -f "$f" ] || { echo "no such example: $example (postgres, node-migrations, ledger, config, kubernetes)" >&2; exit 2; }
done
project="initsteps-example-$example"
cli=(node dist/cli/index.js)

bash scripts/ensure-docker.sh
case "$example" in
  postgres | kubernetes) bash scripts/build-images.sh all ;;
  node-migrations)
    bash scripts/build-images.sh all
    if [ ! -d "examples/$example/node_modules" ]; then
      echo "\$ npm ci   # in examples/$example: node-pg-migrate and pg"
      (cd "examples/$example" && npm ci --no-audit --no-fund)
    fi
    ;;
  *) bash scripts/build-images.sh busybox ;;
esac

if [ "${KEEP:-}" != 1 ]; then
  trap '"${cli[@]}" down $spec --project "$project" --volumes >/dev/null' EXIT
fi

echo "\$ initsteps up $spec"
"${cli[@]}" up $spec --project "$project"
echo
echo "\$ initsteps status $spec"
"${cli[@]}" status $spec --project "$project"
if [ "$example" = node-migrations ]; then
  # The port db's 5432 is published on, as a workflow reads it from the action's `services` output.
  port=$("${cli[@]}" status $spec --project "$project" --json | node -e '
    let text = "";
    process.stdin.on("data", (d) => (text += d)).on("end", () => {
      const db = JSON.parse(text).services.find((s) => s.name === "db");
      console.log(db.instances[0].ports.find((p) => p.containerPort === 5432).hostPort);
    });')
  echo
  echo "\$ DATABASE_URL=postgres://postgres@127.0.0.1:$port/app npm test   # in examples/$example"
  (cd "examples/$example" && DATABASE_URL="postgres://postgres@127.0.0.1:$port/app" npm test --silent)
fi
echo
echo "\$ initsteps up $spec   # again: initialized volumes are remembered"
"${cli[@]}" up $spec --project "$project"
if [ "${KEEP:-}" = 1 ]; then
  echo
  echo "services left running; remove them with: node dist/cli/index.js down $spec --project $project --volumes"
fi
