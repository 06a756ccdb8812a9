#!/usr/bin/env bash
# Podman beside the Docker engine, for the engine matrix: Debian 12's podman 4.3, rootful, serving
# Docker's API (`podman system service`) on a socket of its own, with a private configuration and
# storage so nothing of the machine's own Podman (if any) is read or changed.
#
#   scripts/podman.sh ensure   install podman with apt-get if missing (as root), write the private
#                              configuration, start the service in the background if it does not
#                              answer, load the stand-in images into it from the Docker engine (only
#                              those missing or changed), and write the environment to .tmp/podman.env
#   scripts/podman.sh stop     stop the containers of the private storage and the service this script
#                              started (the storage, and so the loaded images, stay cached)
#
# What this machine needs of Podman's defaults (containers.conf):
#   default_ulimits  lowered: no CAP_SYS_RESOURCE here, so raising a container's rlimits fails
#                    ("error setting rlimit") and no container starts
#   cgroup_manager   cgroupfs, events_logger file, log_driver k8s-file: there is no systemd or journald
#   network_backend  netavark (with aardvark-dns, so containers on a user network resolve each other)
#   runtime          runc (Debian's docker.io already brings it)
#
# Environment (all optional):
#   DOCKER_TUTOR_PODMAN_CACHE   storage (images, containers, volumes, networks), kept between runs
#                               (default /var/cache/docker-tutor/podman)
#   DOCKER_TUTOR_PODMAN_RUN     run root, socket, pid file and log (default /run/docker-tutor-podman)
#   DOCKER_TUTOR_PODMAN_TIMEOUT seconds to wait for the service (default 60)
set -euo pipefail
cd "$(dirname "$0")/.."

CACHE="${DOCKER_TUTOR_PODMAN_CACHE:-/var/cache/docker-tutor/podman}"
RUN_DIR="${DOCKER_TUTOR_PODMAN_RUN:-/run/docker-tutor-podman}"
TIMEOUT="${DOCKER_TUTOR_PODMAN_TIMEOUT:-60}"
SOCKET="$RUN_DIR/podman.sock"
PIDFILE="$RUN_DIR/service.pid"
SERVICE_LOG="$RUN_DIR/service.log"
CONF_DIR="$PWD/.tmp/podman"
ENV_FILE=.tmp/podman.env
PACKAGES=(podman netavark aardvark-dns catatonit)
STANDINS=(busybox:latest python:3.11-slim registry:2 node:20-bookworm-slim docker:28-cli)

# The podman CLI of this script reads the same private configuration as the service.
export CONTAINERS_CONF="$CONF_DIR/containers.conf"
export CONTAINERS_STORAGE_CONF="$CONF_DIR/storage.conf"
export CONTAINERS_REGISTRIES_CONF="$CONF_DIR/registries.conf"

case ":$PATH:" in *:/usr/sbin:*) ;; *) PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin" ;; esac

say() { printf 'podman: %s\n' "$*" >&2; }
die() { printf 'podman: %s\n' "$*" >&2; exit 1; }

install_podman() {
  command -v podman >/dev/null && [ -x /usr/lib/podman/netavark ] && [ -x /usr/lib/podman/aardvark-dns ] && return 0
  [ "$(id -u)" -eq 0 ] || die "podman is missing; run this script as root to install it"
  mkdir -p "$CACHE"
  local log="$CACHE/apt.log"
  say "installing ${PACKAGES[*]} with apt-get (log: $log)"
  # A fresh machine's package lists may be empty or old: update once, then install.
  if ! { DEBIAN_FRONTEND=noninteractive apt-get update &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${PACKAGES[@]}"; } >>"$log" 2>&1; then
    tail -n 5 "$log" >&2
    die "apt-get failed; see $log"
  fi
}

write_config() {
  mkdir -p "$CONF_DIR" "$CACHE/storage" "$CACHE/networks" "$RUN_DIR/tmp"
  cat >"$CONF_DIR/containers.conf" <<EOF
# Written by scripts/podman.sh: a private, rootful Podman for docker-tutor's tests.
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=32768:32768"]
log_driver = "k8s-file"

[network]
network_backend = "netavark"
network_config_dir = "$CACHE/networks"

[engine]
cgroup_manager = "cgroupfs"
events_logger = "file"
events_logfile_path = "$RUN_DIR/events.log"
runtime = "runc"
tmp_dir = "$RUN_DIR/tmp"
EOF
  cat >"$CONF_DIR/storage.conf" <<EOF
[storage]
driver = "overlay"
graphroot = "$CACHE/storage"
runroot = "$RUN_DIR/storage"
EOF
  # Short names resolve on Docker Hub, as they do for Docker.
  cat >"$CONF_DIR/registries.conf" <<EOF
unqualified-search-registries = ["docker.io"]
short-name-mode = "permissive"
EOF
}

answers() { DOCKER_HOST="unix://$SOCKET" timeout 10 docker version >/dev/null 2>&1; }

# The pid recorded by this script, if that process is still the podman service.
our_pid() {
  [ -f "$PIDFILE" ] || return 1
  local pid
  pid="$(cat "$PIDFILE" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = podman ] || return 1
  printf '%s' "$pid"
}

start_service() {
  if answers; then
    say "the service answers at unix://$SOCKET"
    return 0
  fi
  our_pid >/dev/null && die "the service (pid $(our_pid)) runs but does not answer; see $SERVICE_LOG"
  rm -f "$SOCKET"
  say "starting podman system service (log: $SERVICE_LOG)"
  setsid podman system service --time=0 "unix://$SOCKET" >"$SERVICE_LOG" 2>&1 </dev/null &
  echo $! >"$PIDFILE"
  local deadline=$((SECONDS + TIMEOUT))
  until answers; do
    our_pid >/dev/null || { tail -n 20 "$SERVICE_LOG" >&2; die "the service exited; see $SERVICE_LOG"; }
    [ "$SECONDS" -ge "$deadline" ] && { tail -n 20 "$SERVICE_LOG" >&2; die "the service did not answer within $TIMEOUT s"; }
    sleep 0.2
  done
  say "Podman $(DOCKER_HOST="unix://$SOCKET" docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})') answers at unix://$SOCKET"
}

# Loads each stand-in the Docker engine has and Podman lacks, or has under another id (rebuilt).
load_standins() {
  local image missing=() want have
  docker version >/dev/null 2>&1 || die "the Docker engine does not answer: run scripts/engine.sh ensure and scripts/standins.sh first"
  for image in "${STANDINS[@]}"; do
    want="$(docker image inspect --format '{{.Id}}' "$image" 2>/dev/null)" ||
      die "the Docker engine lacks $image: run scripts/standins.sh first"
    have="$(podman image inspect --format '{{.Id}}' "$image" 2>/dev/null || true)"
    [ "sha256:$have" = "$want" ] || [ "$have" = "$want" ] || missing+=("$image")
  done
  [ "${#missing[@]}" -eq 0 ] && { say "stand-in images are there"; return 0; }
  say "loading stand-ins into Podman: ${missing[*]}"
  docker save "${missing[@]}" | podman load -q >/dev/null
}

write_env() {
  mkdir -p "$(dirname "$ENV_FILE")"
  # verify's start records live as long as the storage they describe: a run cut off half-way, in any
  # checkout, is cleaned up by the next one instead of refusing the names it left behind.
  printf 'DOCKER_HOST=unix://%s\nDOCKER_TUTOR_HOME=%s\n' "$SOCKET" "$CACHE/tutor-home" >"$ENV_FILE"
  say "environment written to $ENV_FILE"
}

case "${1:-}" in
  ensure)
    [ "$(id -u)" -eq 0 ] || die "rootful Podman: run this script as root"
    install_podman
    write_config
    start_service
    load_standins
    write_env
    ;;
  stop)
    if pid="$(our_pid)"; then
      # Containers run under conmon, not the service: stop them first (they stay, like Docker's).
      podman stop --all --time 2 >/dev/null 2>&1 || true
      kill "$pid"
      rm -f "$PIDFILE" "$SOCKET"
      say "service stopped"
    else
      say "no service started by this script"
    fi
    ;;
  *)
    echo "usage: $0 ensure|stop" >&2
    exit 2
    ;;
esac
