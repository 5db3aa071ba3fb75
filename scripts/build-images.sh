#!/usr/bin/env bash
# Build the local look-alike images that the examples and tests name. There is no registry here, so
# each image is made from Debian packages and tagged with the public name the examples use; the
# examples then run unchanged with imagePullPolicy IfNotPresent.
#   busybox:latest                       /bin/busybox from busybox-static, with applet links
#   initsteps-test/entrypoint:latest     busybox with ENTRYPOINT and CMD set (command/args table tests)
#   postgres:15-bookworm                 Debian bookworm + postgresql-15 (mmdebstrap); `build-images.sh postgres`
# Usage: build-images.sh [busybox|postgres|all]   (default: busybox)
set -euo pipefail

say() { echo "[initsteps] $*" >&2; }
have_image() { docker image inspect "$1" >/dev/null 2>&1; }
apt_install() {
  if [ -z "${APT_UPDATED:-}" ]; then apt-get update -qq; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

build_busybox() {
  if ! have_image busybox:latest; then
    say "building local image busybox:latest from Debian's busybox-static"
    if ! dpkg -s busybox-static >/dev/null 2>&1; then apt_install busybox-static; fi
    root=$(mktemp -d)
    mkdir -p "$root/bin" "$root/tmp" "$root/etc" "$root/root"
    chmod 1777 "$root/tmp"
    cp "$(dpkg -L busybox-static | grep -E '/bin/busybox$' | head -n1)" "$root/bin/busybox"
    for applet in $("$root/bin/busybox" --list); do
      [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
    done
    printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$root/etc/passwd"
    printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
    tar -C "$root" -c . | docker import \
      --change 'ENV PATH=/bin' --change 'CMD ["sh"]' - busybox:latest >/dev/null
    rm -rf "$root"
  fi
  if ! have_image initsteps-test/entrypoint:latest; then
    say "building local test image initsteps-test/entrypoint:latest"
    local cid
    cid=$(docker create busybox:latest true)
    docker export "$cid" | docker import \
      --change 'ENV PATH=/bin' \
      --change 'ENTRYPOINT ["echo","entrypoint"]' \
      --change 'CMD ["cmd"]' - initsteps-test/entrypoint:latest >/dev/null
    docker rm "$cid" >/dev/null
  fi
}

build_postgres() {
  if have_image postgres:15-bookworm; then return; fi
  say "building local image postgres:15-bookworm with mmdebstrap (about a minute; ~210 MB)"
  command -v mmdebstrap >/dev/null 2>&1 || apt_install mmdebstrap
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
  # Mirrors what the examples rely on in the official image: user postgres with uid/gid 999 (created
  # before the packages so postgresql-common adopts it), no pre-made cluster, a socket directory
  # /var/run/postgresql that postgres can write, PGDATA=/var/lib/postgresql/data declared as a VOLUME
  # (`docker import` cannot set the official STOPSIGNAL SIGINT; SIGTERM is a slower, still clean stop).
  # Size: docs, man pages, translations and the LLVM JIT (libLLVM + libz3, ~130 MB; postgres quietly
  # runs without JIT when llvmjit.so is absent) are left out.
  mmdebstrap --quiet --variant=apt --include=postgresql-15,postgresql-client-15 \
    --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-exclude=/usr/share/man/*' \
    --dpkgopt='path-exclude=/usr/share/locale/*' \
    --dpkgopt='path-include=/usr/share/locale/locale.alias' \
    --dpkgopt='path-exclude=/usr/lib/*/libLLVM-*' \
    --dpkgopt='path-exclude=/usr/lib/*/libz3.so*' \
    --dpkgopt='path-exclude=/usr/lib/postgresql/15/lib/llvmjit*' \
    --dpkgopt='path-exclude=/usr/lib/postgresql/15/lib/bitcode/*' \
    --essential-hook='echo "postgres:x:999:999:PostgreSQL administrator:/var/lib/postgresql:/bin/bash" >>"$1/etc/passwd"' \
    --essential-hook='echo "postgres:x:999:" >>"$1/etc/group"' \
    --customize-hook='chroot "$1" pg_dropcluster 15 main' \
    --customize-hook='install -d -o 999 -g 999 -m 1777 "$1/var/lib/postgresql/data"' \
    --customize-hook='rm -rf "$1/var/cache/apt/"*.bin "$1/var/log/"*.log' \
    bookworm "$out/rootfs.tar"
  # mmdebstrap empties /run after the hooks, so the socket directory is appended to the tarball.
  install -d -m 3777 "$out/extra/run/postgresql"
  tar -C "$out/extra" --owner=999 --group=999 -rf "$out/rootfs.tar" ./run/postgresql
  docker import \
    --change 'ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV PGDATA=/var/lib/postgresql/data' \
    --change 'VOLUME /var/lib/postgresql/data' \
    --change 'EXPOSE 5432' \
    --change 'CMD ["postgres"]' \
    "$out/rootfs.tar" postgres:15-bookworm >/dev/null
}

case "${1:-busybox}" in
  busybox) build_busybox ;;
  postgres) build_postgres ;;
  all) build_busybox; build_postgres ;;
  *) echo "usage: $0 [busybox|postgres|all]" >&2; exit 2 ;;
esac
