#!/usr/bin/env bash
# Make sure a Docker engine answers. On a machine with only the client (or nothing),
# install Debian's docker.io and start dockerd in the background.
set -euo pipefail

say() { echo "[initsteps] $*" >&2; }

if docker info >/dev/null 2>&1; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

if ! command -v dockerd >/dev/null 2>&1; then
  say "no Docker engine answers; installing docker.io from Debian (one-time)"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq docker.io >/dev/null
fi

if ! pgrep -x dockerd >/dev/null 2>&1; then
  log="${INITSTEPS_DOCKERD_LOG:-/tmp/initsteps-dockerd.log}"
  say "starting dockerd in the background (log: $log)"
  $SUDO sh -c "nohup dockerd >'$log' 2>&1 &"
fi

for _ in $(seq 1 60); do
  if docker info >/dev/null 2>&1; then
    say "Docker engine is up"
    exit 0
  fi
  sleep 1
done
say "dockerd did not answer within 60 s; see ${INITSTEPS_DOCKERD_LOG:-/tmp/initsteps-dockerd.log}"
exit 1
