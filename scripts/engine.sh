#!/usr/bin/env bash
# Make sure a Docker engine answers, for docker-tutor's checks and tests.
#
#   scripts/engine.sh ensure   answer at once if `docker info` works (DOCKER_HOST is
#                              honoured); otherwise install Debian's docker.io (as
#                              root, with apt-get) if dockerd is missing, start
#                              dockerd in the background and wait for it
#   scripts/engine.sh stop     stop dockerd, but only if this script started it
#   scripts/engine.sh status   say whether an engine answers and who started it
#
# Environment (all optional):
#   DOCKER_HOST                      engine to talk to; a unix:// socket is also where a
#                                    dockerd started here listens
#   DOCKER_TUTOR_ENGINE_STATE        state dir (default /tmp/docker-tutor-engine)
#   DOCKER_TUTOR_DOCKERD_LOG         dockerd's log (default /tmp/docker-tutor-dockerd.log)
#   DOCKER_TUTOR_DOCKERD_ARGS        extra dockerd arguments, split on spaces
#                                    (e.g. "--data-root /x --exec-root /y --pidfile /z")
#   DOCKER_TUTOR_ENGINE_TIMEOUT      seconds to wait for the engine (default 60)
set -euo pipefail

STATE_DIR="${DOCKER_TUTOR_ENGINE_STATE:-/tmp/docker-tutor-engine}"
PIDFILE="$STATE_DIR/dockerd.pid"
DOCKERD_LOG="${DOCKER_TUTOR_DOCKERD_LOG:-/tmp/docker-tutor-dockerd.log}"
APT_LOG="$STATE_DIR/apt.log"
TIMEOUT="${DOCKER_TUTOR_ENGINE_TIMEOUT:-60}"
PACKAGES=(docker.io busybox-static docker-compose debootstrap time openssl openssh-client)

# dockerd and friends live in sbin, which a non-login PATH may lack.
case ":$PATH:" in *:/usr/sbin:*) ;; *) PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin" ;; esac

say() { printf 'engine: %s\n' "$*"; }
die() { printf 'engine: %s\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }
have() { command -v "$1" >/dev/null 2>&1; }

engine_answers() { have docker && timeout 15 docker info >/dev/null 2>&1; }

engine_version() {
  timeout 15 docker version --format '{{.Server.Version}} (API {{.Server.APIVersion}})' 2>/dev/null || echo '?'
}

# Where the engine is (or would be): DOCKER_HOST or the default socket.
engine_address() { printf '%s' "${DOCKER_HOST:-unix:///var/run/docker.sock}"; }

# pid recorded by us, if that process still runs dockerd.
our_pid() {
  [ -f "$PIDFILE" ] || return 1
  local pid
  pid="$(cat "$PIDFILE" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [ -r "/proc/$pid/comm" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = dockerd ] || return 1
  printf '%s' "$pid"
}

APT_UPDATED=0
apt_install() {
  mkdir -p "$STATE_DIR"
  if [ "$APT_UPDATED" -eq 0 ]; then
    say "running apt-get update (log: $APT_LOG)"
    if ! DEBIAN_FRONTEND=noninteractive apt-get update >>"$APT_LOG" 2>&1; then
      tail -n 5 "$APT_LOG" >&2 || true
      die "apt-get update failed; see $APT_LOG"
    fi
    APT_UPDATED=1
  fi
  say "installing $* with apt-get (log: $APT_LOG)"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >>"$APT_LOG" 2>&1; then
    tail -n 5 "$APT_LOG" >&2 || true
    die "apt-get install $* failed; see $APT_LOG"
  fi
}

can_apt() { is_root && have apt-get; }

ensure_compose() {
  have docker-compose && return 0
  if can_apt; then
    apt_install docker-compose
    have docker-compose && return 0
  fi
  say "warning: the docker-compose command is missing (compose lessons need it): as root run 'apt-get install docker-compose'" >&2
}

# dockerd needs cgroup hierarchies; a bare VM may have none mounted.
ensure_cgroups() {
  grep -qE '^[^ ]+ /sys/fs/cgroup[^ ]* cgroup2? ' /proc/mounts 2>/dev/null && return 0
  if have cgroupfs-mount; then
    cgroupfs-mount >>"$DOCKERD_LOG" 2>&1 || true
  fi
}

cmd_ensure() {
  if engine_answers; then
    say "engine answers at $(engine_address): Docker $(engine_version)"
    ensure_compose
    return 0
  fi

  if ! have dockerd; then
    if can_apt; then
      apt_install "${PACKAGES[@]}"
    fi
    if ! have dockerd; then
      if is_root; then
        die "no Docker engine answers and dockerd is not installed: install Docker (Debian: apt-get install ${PACKAGES[*]}), then run '$0 ensure' again"
      else
        die "no Docker engine answers and dockerd is not installed: run '$0 ensure' as root (it installs Debian's docker.io), or install and start Docker yourself"
      fi
    fi
    # A package's own service start may have brought an engine up.
    if engine_answers; then
      say "engine answers at $(engine_address): Docker $(engine_version)"
      ensure_compose
      return 0
    fi
  fi

  if ! is_root; then
    die "no Docker engine answers at $(engine_address): start one as root ('sudo $0 ensure'), or if it runs, add yourself to the docker group"
  fi

  local args=()
  case "${DOCKER_HOST:-}" in
    '') ;;
    unix://*) args+=(--host "$DOCKER_HOST") ;;
    *) die "DOCKER_HOST=$DOCKER_HOST does not answer, and only a local unix:// socket can be started here" ;;
  esac
  if [ -n "${DOCKER_TUTOR_DOCKERD_ARGS:-}" ]; then
    # shellcheck disable=SC2206 # word splitting is intended
    args+=(${DOCKER_TUTOR_DOCKERD_ARGS})
  fi

  if pid="$(our_pid)"; then
    say "dockerd (pid $pid, started by this script) is still starting; waiting"
  else
    mkdir -p "$STATE_DIR"
    ensure_cgroups
    say "starting dockerd (log: $DOCKERD_LOG)"
    : >"$DOCKERD_LOG"
    # setsid: dockerd must outlive this script and its caller's terminal.
    setsid dockerd "${args[@]}" </dev/null >>"$DOCKERD_LOG" 2>&1 &
    pid=$!
    printf '%s\n' "$pid" >"$PIDFILE"
  fi

  local waited=0
  while ! engine_answers; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$PIDFILE"
      tail -n 15 "$DOCKERD_LOG" >&2 || true
      die "dockerd exited while starting; see $DOCKERD_LOG"
    fi
    if [ "$waited" -ge "$TIMEOUT" ]; then
      tail -n 15 "$DOCKERD_LOG" >&2 || true
      die "dockerd (pid $pid) did not answer within ${TIMEOUT}s; see $DOCKERD_LOG ('$0 stop' stops it)"
    fi
    sleep 1
    waited=$((waited + 1))
  done
  say "engine answers at $(engine_address) after ${waited}s: Docker $(engine_version) (dockerd pid $pid, started by this script)"
  ensure_compose
}

cmd_stop() {
  local pid
  if ! pid="$(our_pid)"; then
    if [ -f "$PIDFILE" ]; then
      rm -f "$PIDFILE"
      say "the dockerd this script started is gone; removed its stale pidfile"
    else
      say "this script started no dockerd; leaving any running engine alone"
    fi
    return 0
  fi
  say "stopping dockerd (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  local waited=0
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$waited" -ge "$TIMEOUT" ]; then
      die "dockerd (pid $pid) is still running after ${TIMEOUT}s; see $DOCKERD_LOG"
    fi
    sleep 1
    waited=$((waited + 1))
  done
  rm -f "$PIDFILE"
  say "dockerd stopped after ${waited}s"
}

cmd_status() {
  local who="not started by this script" pid
  if pid="$(our_pid)"; then who="started by this script (dockerd pid $pid)"; fi
  if engine_answers; then
    say "engine answers at $(engine_address): Docker $(engine_version); $who"
  else
    say "no engine answers at $(engine_address); $who"
    return 1
  fi
}

case "${1:-}" in
  ensure) cmd_ensure ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *)
    echo "usage: $0 ensure|stop|status" >&2
    exit 2
    ;;
esac
