#!/usr/bin/env bash
# A current Docker beside the base engine, for the engine matrix: Debian sid's docker.io 28 (API 1.51,
# BuildKit) with the compose v2 and buildx CLI plugins, run as a nested engine on the engine that
# scripts/engine.sh provides, and reached over tcp at the nested container's address (so published
# ports are reached there too, and http checks target that host).
#
#   scripts/engine28.sh ensure   build the image once (debootstrap, cached in the base engine and in
#                                $DOCKER_TUTOR_SID_CACHE), start the nested engine, load the stand-ins,
#                                and write the environment for it to .tmp/engine28.env
#   scripts/engine28.sh stop     remove the nested engine's container (the image and data stay cached)
#   scripts/engine28.sh plugins DIR
#                                copy sid's compose v2 and buildx CLI plugins into DIR (from the cached
#                                root filesystem or image, building the root filesystem if neither is
#                                there); scripts/standins.sh puts them in the docker:28-cli stand-in
#
# This machine refuses --privileged (no CAP_SYS_RESOURCE): the container gets every capability but that
# one, no seccomp/apparmor confinement, the host's cgroups, and a volume for /var/lib/docker. Folders the
# tests bind-mount (/tmp and this checkout) are mounted at the same path, since bind mounts name paths as
# the nested engine sees them.
set -euo pipefail
cd "$(dirname "$0")/.."

IMAGE=docker-tutor-engine:sid
NAME=docker-tutor-engine28
VOLUME=docker-tutor-engine28-data
LABEL=org.docker-tutor.test=engine28
CACHE="${DOCKER_TUTOR_SID_CACHE:-/var/cache/docker-tutor}"
ROOTFS="$CACHE/sid-rootfs"
MIRROR="${DOCKER_TUTOR_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
ENV_FILE=.tmp/engine28.env
CONFIG_DIR="$PWD/.tmp/engine28-docker-config"
STANDINS=(busybox:latest python:3.11-slim registry:2 node:20-bookworm-slim docker:28-cli)

say() { printf 'engine28: %s\n' "$*" >&2; }
die() { printf 'engine28: %s\n' "$*" >&2; exit 1; }

# The sid root filesystem, made once with debootstrap and cached in $CACHE.
build_rootfs() {
  [ -x "$ROOTFS/usr/sbin/dockerd" ] && return 0
  command -v debootstrap >/dev/null || die "debootstrap is missing (scripts/engine.sh installs it)"
  say "building a Debian sid root filesystem with docker.io, compose and buildx (a few minutes, once; log: $CACHE/debootstrap.log)"
  mkdir -p "$CACHE"
  rm -rf "$ROOTFS"
  if ! debootstrap --variant=minbase --include=docker.io,docker-compose,docker-buildx,iptables,ca-certificates,procps \
    sid "$ROOTFS" "$MIRROR" >"$CACHE/debootstrap.log" 2>&1; then
    tail -n 5 "$CACHE/debootstrap.log" >&2
    die "debootstrap failed; see $CACHE/debootstrap.log"
  fi
}

build_image() {
  if docker image inspect "$IMAGE" >/dev/null 2>&1; then
    say "image $IMAGE is cached"
    return 0
  fi
  build_rootfs
  say "importing it as $IMAGE"
  tar -C "$ROOTFS" -c . | docker import \
    -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    -c "LABEL $LABEL" - "$IMAGE" >/dev/null
}

# copy_plugins DIR: sid's docker-compose (v2) and docker-buildx CLI plugins into DIR.
copy_plugins() {
  local dir=$1 plugin
  mkdir -p "$dir"
  if [ ! -x "$ROOTFS/usr/libexec/docker/cli-plugins/docker-compose" ] && ! docker image inspect "$IMAGE" >/dev/null 2>&1; then
    build_rootfs
  fi
  for plugin in docker-compose docker-buildx; do
    cp "$ROOTFS/usr/libexec/docker/cli-plugins/$plugin" "$dir/$plugin" 2>/dev/null ||
      docker run --rm --entrypoint cat "$IMAGE" "/usr/libexec/docker/cli-plugins/$plugin" >"$dir/$plugin" ||
      die "could not copy the $plugin plugin"
    chmod 755 "$dir/$plugin"
  done
}

nested_ip() { docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "$NAME"; }

start_engine() {
  if [ "$(docker inspect -f '{{.State.Running}}' "$NAME" 2>/dev/null)" != true ]; then
    docker rm -f "$NAME" >/dev/null 2>&1 || true
    say "starting the nested engine"
    docker run -d --name "$NAME" --label "$LABEL" \
      --cap-add ALL --cap-drop SYS_RESOURCE \
      --security-opt seccomp=unconfined --security-opt apparmor=unconfined --security-opt systempaths=unconfined \
      --cgroupns host -v /sys/fs/cgroup:/sys/fs/cgroup \
      -v "$VOLUME:/var/lib/docker" -v /tmp:/tmp -v "$PWD:$PWD" \
      "$IMAGE" dockerd --host tcp://0.0.0.0:2375 --host unix:///var/run/docker.sock --tls=false >/dev/null
  fi
  local host waited=0
  host="tcp://$(nested_ip):2375"
  until DOCKER_HOST="$host" docker version >/dev/null 2>&1; do
    [ "$waited" -ge 90 ] && { docker logs --tail 20 "$NAME" >&2; die "the nested engine did not answer within 90 s"; }
    sleep 1
    waited=$((waited + 1))
  done
  say "nested engine answers at $host: Docker $(DOCKER_HOST="$host" docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})')"
  printf '%s\n' "$host"
}

# Loads each stand-in the base engine has and the nested one lacks, or has under another id (rebuilt).
load_standins() {
  local host=$1 missing=() want have
  for image in "${STANDINS[@]}"; do
    want="$(docker image inspect --format '{{.Id}}' "$image" 2>/dev/null)" || continue
    have="$(DOCKER_HOST="$host" docker image inspect --format '{{.Id}}' "$image" 2>/dev/null || true)"
    [ "$want" = "$have" ] || missing+=("$image")
  done
  [ "${#missing[@]}" -eq 0 ] && { say "stand-in images are there"; return 0; }
  say "loading stand-ins into the nested engine: ${missing[*]}"
  docker save "${missing[@]}" | DOCKER_HOST="$host" docker load >/dev/null
}

write_env() {
  local host=$1
  # The compose v2 and buildx plugins of the same Debian release, for this machine's docker CLI.
  copy_plugins "$CONFIG_DIR/cli-plugins"
  mkdir -p "$(dirname "$ENV_FILE")"
  printf 'DOCKER_HOST=%s\nDOCKER_CONFIG=%s\n' "$host" "$CONFIG_DIR" >"$ENV_FILE"
  say "environment written to $ENV_FILE"
}

case "${1:-}" in
  ensure)
    docker version >/dev/null 2>&1 || die "the base engine does not answer: run scripts/engine.sh ensure first"
    build_image
    host="$(start_engine | tail -n 1)"
    load_standins "$host"
    write_env "$host"
    ;;
  plugins)
    [ -n "${2:-}" ] || die "usage: $0 plugins DIR"
    copy_plugins "$2"
    ;;
  stop)
    docker rm -f "$NAME" >/dev/null 2>&1 && say "nested engine removed" || say "no nested engine to remove"
    ;;
  *)
    echo "usage: $0 ensure|stop|plugins DIR" >&2
    exit 2
    ;;
esac
