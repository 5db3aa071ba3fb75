#!/usr/bin/env bash
# What the registry tests need, from Debian: docker-registry (Docker Distribution 2.8, `docker-registry serve`)
# and htpasswd (apache2-utils, for the bcrypt password file). With `compose`, also docker-compose 1.29 (for
# `npm run bench:start`). Installs only what is missing; prints nothing when everything is there.
# The tests start their registries themselves (test/support/registry.ts), on 127.0.0.1 ports of their own.
set -euo pipefail

say() { echo "[initsteps] $*" >&2; }

need=()
command -v docker-registry >/dev/null 2>&1 || need+=(docker-registry)
command -v htpasswd >/dev/null 2>&1 || need+=(apache2-utils)
if [ "${1:-}" = compose ]; then
  command -v docker-compose >/dev/null 2>&1 || need+=(docker-compose)
fi
[ "${#need[@]}" -eq 0 ] && exit 0

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
say "installing ${need[*]} from Debian (one-time)"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
