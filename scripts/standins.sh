#!/usr/bin/env bash
# Offline stand-ins for the images docker-tutor's lessons and tests use.
#
#   scripts/standins.sh [REF...]
#
# Default REFs: busybox:latest python:3.11-slim registry:2 node:20-bookworm-slim docker:28-cli
# (the last two are what the project's own Dockerfile builds from).
# For each REF missing from the engine: try `docker pull` (where a registry is
# reachable, the real image wins); if that fails, build a stand-in from this
# machine's Debian packages and tag it REF. Every stand-in carries the label
# org.docker-tutor.standin=true. See scripts/STANDINS.md.
#
# Environment (all optional):
#   XDG_CACHE_HOME                  root filesystem tarballs are cached under
#                                   ${XDG_CACHE_HOME:-$HOME/.cache}/docker-tutor/standins
#   DOCKER_TUTOR_NO_PULL=1          do not try `docker pull` first
#   DOCKER_TUTOR_DEBIAN_MIRROR      Debian mirror for debootstrap (default: read from
#                                   apt's sources)
set -euo pipefail
umask 022

SUITE=bookworm
LABEL='org.docker-tutor.standin=true'
PATH_ENV='PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
DEBIAN_INCLUDES='python3,libstdc++6,ca-certificates,netbase'
DEFAULT_REFS=(busybox:latest python:3.11-slim registry:2 node:20-bookworm-slim docker:28-cli)
# A stand-in older than its builder's revision is rebuilt (docker:28-cli gained the CLI plugins in 2).
REVISION_LABEL='org.docker-tutor.standin.revision'
CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/docker-tutor/standins"
PULL_TIMEOUT=20

case ":$PATH:" in *:/usr/sbin:*) ;; *) PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin" ;; esac

note() { printf '%s\n' "$*" >&2; }
die() { printf 'standins: %s\n' "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }
is_root() { [ "$(id -u)" -eq 0 ]; }

WORK=''
PROBE_CONTAINERS=()
PROBE_TAGS=()
cleanup() {
  local c t m
  for c in "${PROBE_CONTAINERS[@]}"; do docker rm -f -v "$c" >/dev/null 2>&1 || true; done
  for t in "${PROBE_TAGS[@]}"; do docker rmi "$t" >/dev/null 2>&1 || true; done
  if [ -n "$WORK" ] && [ -d "$WORK" ]; then
    # debootstrap mounts proc (and maybe more) inside its target: never delete
    # through a mount.
    if [ -r /proc/mounts ]; then
      awk -v w="$WORK/" 'index($2, w) == 1 { print $2 }' /proc/mounts | sort -r |
        while read -r m; do umount -l "$m" 2>/dev/null || true; done
    fi
    rm -rf --one-file-system "$WORK" 2>/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Made once in main, before any $(...) subshell could make its own.
work_dir() { printf '%s' "$WORK"; }

# ---------------------------------------------------------------- apt helpers

APT_UPDATED=0
apt_update_once() {
  [ "$APT_UPDATED" -eq 1 ] && return 0
  is_root && have apt-get || return 1
  note "standins: running apt-get update"
  DEBIAN_FRONTEND=noninteractive apt-get update -q >>"$CACHE_DIR/apt.log" 2>&1 || return 1
  APT_UPDATED=1
}

# extract_from_deb PACKAGE PATH_IN_PACKAGE DEST: one file of a Debian package,
# fetched with `apt-get download` and unpacked with `dpkg -x` (nothing is
# installed on this machine).
extract_from_deb() {
  local pkg="$1" path="$2" dest="$3" dir
  dir="$(work_dir)/deb-$pkg"
  rm -rf "$dir" && mkdir -p "$dir"
  if ! have apt-get || ! have dpkg; then die "cannot fetch Debian package $pkg: apt-get/dpkg missing"; fi
  if ! (cd "$dir" && apt-get download "$pkg" >>"$CACHE_DIR/apt.log" 2>&1); then
    apt_update_once || true
    (cd "$dir" && apt-get download "$pkg" >>"$CACHE_DIR/apt.log" 2>&1) ||
      die "apt-get download $pkg failed (see $CACHE_DIR/apt.log; as root, 'apt-get update' may help)"
  fi
  dpkg -x "$dir"/"$pkg"_*.deb "$dir/x" || die "dpkg -x of $pkg failed"
  [ -f "$dir/x/$path" ] || die "package $pkg has no /$path"
  mkdir -p "$(dirname "$dest")"
  cp "$dir/x/$path" "$dest.tmp.$$" && chmod 755 "$dest.tmp.$$" && mv -f "$dest.tmp.$$" "$dest"
}

is_static() { ! ldd "$1" >/dev/null 2>&1; }

# A statically linked busybox: the host's (busybox-static) or one unpacked
# from Debian's busybox-static package, cached.
busybox_binary() {
  local b
  for b in /bin/busybox /usr/bin/busybox; do
    if [ -x "$b" ] && is_static "$b"; then printf '%s' "$b"; return 0; fi
  done
  b="$CACHE_DIR/bin/busybox-static"
  if [ ! -x "$b" ]; then
    note "standins: fetching Debian's busybox-static package"
    extract_from_deb busybox-static bin/busybox "$b"
  fi
  printf '%s' "$b"
}

registry_binary() {
  local b=/usr/bin/docker-registry
  if [ -x "$b" ]; then printf '%s' "$b"; return 0; fi
  b="$CACHE_DIR/bin/docker-registry"
  if [ ! -x "$b" ]; then
    note "standins: fetching Debian's docker-registry package"
    extract_from_deb docker-registry usr/bin/docker-registry "$b"
  fi
  printf '%s' "$b"
}

# ------------------------------------------------------------- root filesystems

# make_busybox_tree DIR: a minimal busybox root filesystem.
make_busybox_tree() {
  local dir="$1" bb applet
  bb="$(busybox_binary)"
  mkdir -p "$dir"/{bin,sbin,usr/bin,usr/sbin,usr/local/bin,etc,root,home,tmp,var/www,dev,proc,sys}
  cp "$bb" "$dir/bin/busybox"
  chmod 755 "$dir/bin/busybox"
  for applet in $("$dir/bin/busybox" --list); do
    [ "$applet" = busybox ] && continue
    [ -e "$dir/bin/$applet" ] || ln -s busybox "$dir/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n' >"$dir/etc/passwd"
  printf 'root:x:0:\nnobody:x:65534:\n' >"$dir/etc/group"
  chmod 1777 "$dir/tmp"
  chmod 700 "$dir/root"
}

tar_tree() { tar --owner=0 --group=0 --numeric-owner -C "$1" -cf - .; }

# The Debian mirror debootstrap uses: apt's own source for $SUITE.
debian_mirror() {
  if [ -n "${DOCKER_TUTOR_DEBIAN_MIRROR:-}" ]; then
    printf '%s' "$DOCKER_TUTOR_DEBIAN_MIRROR"
    return 0
  fi
  local f found=''
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -r "$f" ] || continue
    # deb822 stanzas: Types, URIs, Suites, Enabled.
    found="$(awk -v suite="$SUITE" '
      function flush() {
        if (!done && uris != "" && types ~ /(^| )deb( |$)/ && (" " suites " ") ~ (" " suite " ") && enabled != "no") {
          split(uris, u, " "); print u[1]; done = 1; exit
        }
        types = uris = suites = enabled = ""
      }
      /^[ \t]*#/ { next }
      /^[ \t]*$/ { flush(); next }
      { key = tolower($1); sub(/:$/, "", key); $1 = ""; sub(/^[ \t]+/, "")
        if (key == "types") types = $0; else if (key == "uris") uris = $0
        else if (key == "suites") suites = $0; else if (key == "enabled") enabled = tolower($0) }
      END { flush() }' "$f")"
    [ -n "$found" ] && break
  done
  if [ -z "$found" ]; then
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
      [ -r "$f" ] || continue
      # one-line style: deb [options] URI SUITE COMPONENT...
      found="$(awk -v suite="$SUITE" '
        $1 == "deb" { i = 2; if ($i ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
                      if ($(i + 1) == suite) { print $i; exit } }' "$f")"
      [ -n "$found" ] && break
    done
  fi
  [ -n "$found" ] || return 1
  printf '%s' "$found"
}

# debian_tarball: path of a cached tarball of a Debian $SUITE minbase root
# filesystem with $DEBIAN_INCLUDES; made with debootstrap (root only) if missing.
debian_tarball() {
  local key tarball dir mirror log start
  key="$(printf '%s %s' "$SUITE" "$DEBIAN_INCLUDES" | sha256sum | cut -c1-10)"
  tarball="$CACHE_DIR/debian-$SUITE-minbase-$key.tar"
  if [ -s "$tarball" ]; then printf '%s' "$tarball"; return 0; fi

  is_root || die "building the Debian root filesystem needs debootstrap, which needs root: run 'sudo bash $0' once (it caches the result for root's later runs)"
  if ! have debootstrap; then
    if have apt-get; then
      note "standins: installing debootstrap"
      apt_update_once || true
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap >>"$CACHE_DIR/apt.log" 2>&1 ||
        die "apt-get install debootstrap failed; see $CACHE_DIR/apt.log"
    else
      die "debootstrap is missing and apt-get is not available to install it"
    fi
  fi
  mirror="$(debian_mirror)" || die "no Debian $SUITE source found in /etc/apt/sources.list(.d); set DOCKER_TUTOR_DEBIAN_MIRROR"

  dir="$(work_dir)/debian-rootfs"
  log="$CACHE_DIR/debootstrap.log"
  start=$SECONDS
  note "standins: debootstrap $SUITE (minbase + $DEBIAN_INCLUDES) from $mirror, about a minute (log: $log)"
  if ! debootstrap --variant=minbase --include="$DEBIAN_INCLUDES" "$SUITE" "$dir" "$mirror" >"$log" 2>&1; then
    tail -n 5 "$log" >&2 || true
    die "debootstrap failed; see $log"
  fi
  # Slim it like Debian's -slim images: no package lists, caches or docs.
  rm -rf "$dir"/var/cache/apt/*.bin "$dir"/var/cache/apt/archives/*.deb \
    "$dir"/var/lib/apt/lists/* "$dir"/var/log/*.log "$dir"/var/log/apt/* \
    "$dir"/usr/share/man/* "$dir"/usr/share/info/* "$dir"/usr/share/locale/*
  find "$dir/usr/share/doc" -mindepth 1 ! -name copyright ! -type d -delete 2>/dev/null || true
  mkdir -p "$dir/var/lib/apt/lists/partial"
  cat >"$dir/etc/dpkg/dpkg.cfg.d/docker-tutor-slim" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
EOF
  : >"$dir/etc/resolv.conf"   # debootstrap copied the host's; docker mounts its own
  printf 'localhost\n' >"$dir/etc/hostname"
  mkdir -p "$CACHE_DIR"
  tar --numeric-owner -C "$dir" --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' \
    -cf "$tarball.tmp.$$" . || die "could not write $tarball"
  mv -f "$tarball.tmp.$$" "$tarball"
  rm -rf --one-file-system "$dir"
  note "standins: cached the Debian root filesystem ($(du -h "$tarball" | cut -f1), $((SECONDS - start))s): $tarball"
  printf '%s' "$tarball"
}

# ------------------------------------------------------------------- images

# import_image SOURCE CHANGE...: docker import SOURCE (a tar file, or - for
# stdin) with the stand-in label and the given changes; prints the image id.
import_image() {
  local src="$1" args=() c
  shift
  for c in "LABEL $LABEL" "$@"; do args+=(-c "$c"); done
  docker import -m 'docker-tutor offline stand-in' "${args[@]}" "$src"
}

# run_in ID CMD...: run CMD in a candidate image; prints its output.
run_in() {
  local id="$1"
  shift
  timeout 60 docker run --rm --name "tutor-standin-probe-run-$$" "$id" "$@" 2>&1
}

required_revision() { case "$1" in docker:28-cli) echo 2 ;; *) echo 1 ;; esac; }

# outdated REF: REF is one of our stand-ins, made by an older revision of its builder.
outdated() {
  local labels
  labels="$(docker image inspect --format "{{index .Config.Labels \"org.docker-tutor.standin\"}} {{index .Config.Labels \"$REVISION_LABEL\"}}" "$1" 2>/dev/null)" ||
    return 1
  set -- "$1" $labels
  [ "${2:-}" = true ] && [ "${3:-1}" -lt "$(required_revision "$1")" ]
}

# adopt ID REF: tag the checked candidate REF, unless another run tagged REF
# meanwhile (then drop ours rather than leave an untagged image behind).
ADOPTED=1
adopt() {
  if docker image inspect "$2" >/dev/null 2>&1; then
    docker rmi "$1" >/dev/null 2>&1 || true
    ADOPTED=0
  else
    docker tag "$1" "$2"
  fi
}

reject() { # reject ID REF WHY
  docker rmi "$1" >/dev/null 2>&1 || true
  die "$2: the stand-in failed its check: $3"
}

build_busybox() {
  local dir id out
  dir="$(work_dir)/busybox-rootfs"
  rm -rf "$dir"
  make_busybox_tree "$dir"
  id="$(tar_tree "$dir" | import_image - "ENV $PATH_ENV" 'CMD ["sh"]')"
  out="$(run_in "$id" sh -c 'echo ok; wget --help 2>&1 | head -n 1')" || reject "$id" busybox:latest "$out"
  case "$out" in ok*BusyBox*) ;; *) reject "$id" busybox:latest "$out" ;; esac
  adopt "$id" busybox:latest
}

build_python() {
  local base tar id out
  base="$(debian_tarball)"
  tar="$(work_dir)/python.tar"
  cp "$base" "$tar"
  rm -rf "$WORK/python-extra"
  mkdir -p "$WORK/python-extra/usr/bin"
  ln -sfn python3 "$WORK/python-extra/usr/bin/python"
  tar --owner=0 --group=0 --numeric-owner -C "$WORK/python-extra" -rf "$tar" ./usr/bin/python
  id="$(import_image "$tar" "ENV $PATH_ENV" 'ENV LANG=C.UTF-8' 'CMD ["python3"]')"
  rm -f "$tar"
  out="$(run_in "$id" python -c 'import http.server, sys; print("%d.%d" % sys.version_info[:2])')" ||
    reject "$id" python:3.11-slim "$out"
  [ "$out" = 3.11 ] || reject "$id" python:3.11-slim "python is $out, not 3.11"
  adopt "$id" python:3.11-slim
}

build_node() {
  local base tar id out node npm_dir root_g extra version members
  have node || die "node:20-bookworm-slim: this machine has no node to copy into the stand-in"
  node="$(node -p process.execPath)"
  version="$(node --version)"
  case "$version" in v20.*) ;; *) note "standins: warning: this machine's node is $version, the stand-in is tagged node:20" ;; esac
  root_g="$(npm root -g 2>/dev/null || true)"
  [ -n "$root_g" ] && [ -d "$root_g/npm" ] || root_g="$(dirname "$(dirname "$node")")/lib/node_modules"
  npm_dir="$root_g/npm"
  [ -f "$npm_dir/bin/npm-cli.js" ] || die "node:20-bookworm-slim: npm not found at $npm_dir"

  base="$(debian_tarball)"
  extra="$(work_dir)/node-extra"
  rm -rf "$extra"
  mkdir -p "$extra/usr/local/bin" "$extra/usr/local/lib/node_modules"
  cp -L "$node" "$extra/usr/local/bin/node"
  cp -a "$npm_dir" "$extra/usr/local/lib/node_modules/npm"
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$extra/usr/local/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$extra/usr/local/bin/npx"
  members=(./usr/local/bin/node ./usr/local/bin/npm ./usr/local/bin/npx ./usr/local/bin/docker-entrypoint.sh ./usr/local/lib/node_modules)
  if [ -f "$root_g/corepack/dist/corepack.js" ]; then
    cp -a "$root_g/corepack" "$extra/usr/local/lib/node_modules/corepack"
    ln -s ../lib/node_modules/corepack/dist/corepack.js "$extra/usr/local/bin/corepack"
    members+=(./usr/local/bin/corepack)
  fi
  # The official image's entrypoint: `docker run node:20 app.js` runs node app.js.
  cat >"$extra/usr/local/bin/docker-entrypoint.sh" <<'EOF'
#!/bin/sh
set -e

# Run command with node if the first argument contains a "-" or is not a system command.
if [ "${1#-}" != "${1}" ] || [ -z "$(command -v "${1}")" ] || { [ -f "${1}" ] && ! [ -x "${1}" ]; }; then
  set -- node "$@"
fi

exec "$@"
EOF
  chmod 755 "$extra/usr/local/bin/docker-entrypoint.sh"

  tar="$WORK/node.tar"
  cp "$base" "$tar"
  tar --owner=0 --group=0 --numeric-owner -C "$extra" -rf "$tar" "${members[@]}"
  id="$(import_image "$tar" "ENV $PATH_ENV" "ENV NODE_VERSION=${version#v}" \
    'ENTRYPOINT ["docker-entrypoint.sh"]' 'CMD ["node"]')"
  rm -rf "$tar" "$extra"
  out="$(run_in "$id" node --version)" || reject "$id" node:20-bookworm-slim "$out"
  [ "$out" = "$version" ] || reject "$id" node:20-bookworm-slim "node --version printed: $out"
  out="$(run_in "$id" npm --version)" || reject "$id" node:20-bookworm-slim "npm --version: $out"
  adopt "$id" node:20-bookworm-slim
}

# The project's Dockerfile copies the docker client and its compose v2 and buildx plugins out of
# docker:28-cli; the stand-in holds this machine's static docker client (the official image's is static
# too) and Debian sid's plugins (from scripts/engine28.sh's root filesystem; they need only glibc 2.34,
# which the bookworm image they are copied into has), where the official image keeps its plugins.
build_docker_cli() {
  local dir client id out plugins
  client="$(command -v docker || true)"
  for candidate in /usr/local/bin/docker "$client"; do
    if [ -n "$candidate" ] && [ -x "$candidate" ] && is_static "$candidate"; then client="$candidate"; break; fi
  done
  [ -n "$client" ] && is_static "$client" || die "docker:28-cli: this machine has no statically linked docker client to copy"
  dir="$(work_dir)/docker-cli-rootfs"
  rm -rf "$dir"
  make_busybox_tree "$dir"
  mkdir -p "$dir/usr/local/bin"
  cp -L "$client" "$dir/usr/local/bin/docker"
  plugins="$dir/usr/local/libexec/docker/cli-plugins"
  bash "$(dirname "$0")/engine28.sh" plugins "$plugins" || die "docker:28-cli: could not get the compose and buildx plugins"
  id="$(tar_tree "$dir" | import_image - "ENV $PATH_ENV" "LABEL $REVISION_LABEL=$(required_revision docker:28-cli)" \
    'ENTRYPOINT ["docker"]' 'CMD ["--help"]')"
  out="$(run_in "$id" --version)" || reject "$id" docker:28-cli "$out"
  out="$(timeout 60 docker run --rm --name "tutor-standin-probe-run-$$" --entrypoint ls "$id" "${plugins#"$dir"}" 2>&1)" ||
    reject "$id" docker:28-cli "$out"
  [ "${out//$'\n'/ }" = "docker-buildx docker-compose" ] || reject "$id" docker:28-cli "plugins: $out"
  adopt "$id" docker:28-cli
}

REGISTRY_CONFIG='version: 0.1
log:
  fields:
    service: registry
storage:
  cache:
    blobdescriptor: inmemory
  filesystem:
    rootdirectory: /var/lib/registry
http:
  addr: :5000
  headers:
    X-Content-Type-Options: [nosniff]
health:
  storagedriver:
    enabled: true
    interval: 10s
    threshold: 3
'

# probe_registry ID: run the candidate, check GET /v2/, push and pull through it.
probe_registry() {
  local id="$1" name port code='' probe_src repo
  name="tutor-standin-probe-registry-$$"
  PROBE_CONTAINERS+=("$name")
  docker run -d --name "$name" -p 127.0.0.1::5000 "$id" >/dev/null || return 1
  port="$(docker port "$name" 5000/tcp | head -n 1)"
  port="${port##*:}"
  [ -n "$port" ] || { echo "no published port"; return 1; }
  for _ in $(seq 1 30); do
    if have curl; then
      code="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/v2/" || true)"
    else
      docker exec "$name" wget -q -O /dev/null http://127.0.0.1:5000/v2/ 2>/dev/null && code=200
    fi
    [ "$code" = 200 ] && break
    sleep 0.5
  done
  [ "$code" = 200 ] || { echo "GET /v2/ answered '${code}'"; docker logs --tail 5 "$name" 2>&1; return 1; }

  probe_src=busybox:latest
  docker image inspect "$probe_src" >/dev/null 2>&1 || probe_src="$id"
  repo="localhost:$port/tutor-probe"
  PROBE_TAGS+=("$repo")
  if ! { docker tag "$probe_src" "$repo" && docker push "$repo" >/dev/null &&
    docker rmi "$repo" >/dev/null && docker pull "$repo" >/dev/null; }; then
    echo "push/pull of $repo through the registry failed"
    return 1
  fi
  docker rmi "$repo" >/dev/null 2>&1 || true
  docker rm -f -v "$name" >/dev/null 2>&1 || true
}

build_registry() {
  local dir bin lib id out
  dir="$(work_dir)/registry-rootfs"
  rm -rf "$dir"
  make_busybox_tree "$dir"
  bin="$(registry_binary)"
  cp "$bin" "$dir/bin/registry"
  chmod 755 "$dir/bin/registry"
  if ! is_static "$bin"; then
    # Dynamically linked (Debian's build needs only libc): bring its libraries.
    for lib in $(ldd "$bin" | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^\//) print $i }'); do
      mkdir -p "$dir$(dirname "$lib")"
      cp -L "$lib" "$dir$lib"
    done
  fi
  mkdir -p "$dir/etc/docker/registry" "$dir/var/lib/registry"
  printf '%s' "$REGISTRY_CONFIG" >"$dir/etc/docker/registry/config.yml"
  cat >"$dir/entrypoint.sh" <<'EOF'
#!/bin/sh
set -e

case "$1" in
    *.yaml|*.yml) set -- registry serve "$@" ;;
    serve|garbage-collect|help|-*) set -- registry "$@" ;;
esac

exec "$@"
EOF
  chmod 755 "$dir/entrypoint.sh"
  id="$(tar_tree "$dir" | import_image - "ENV $PATH_ENV" 'EXPOSE 5000' 'VOLUME ["/var/lib/registry"]' \
    'ENTRYPOINT ["/entrypoint.sh"]' 'CMD ["/etc/docker/registry/config.yml"]')"
  # Not in a $(...) subshell: the probe's container and tags must be known to cleanup.
  probe_registry "$id" >"$WORK/registry-probe.log" 2>&1 ||
    reject "$id" registry:2 "$(tr '\n' ' ' <"$WORK/registry-probe.log")"
  adopt "$id" registry:2
}

# -------------------------------------------------------------------- main

timeout 15 docker info >/dev/null 2>&1 ||
  die "no Docker engine answers; run 'bash scripts/engine.sh ensure' first"
mkdir -p "$CACHE_DIR"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/docker-tutor-standins.XXXXXX")"
PROBE_CONTAINERS+=("tutor-standin-probe-run-$$")

refs=("$@")
[ "${#refs[@]}" -gt 0 ] || refs=("${DEFAULT_REFS[@]}")

for ref in "${refs[@]}"; do
  case "$ref" in
    busybox:latest | busybox) ref=busybox:latest; builder=build_busybox ;;
    python:3.11-slim) builder=build_python ;;
    registry:2) builder=build_registry ;;
    node:20-bookworm-slim) builder=build_node ;;
    docker:28-cli) builder=build_docker_cli ;;
    *) builder='' ;;
  esac
  if outdated "$ref"; then
    echo "$ref: stand-in from an older revision of this script, rebuilding it"
    docker rmi "$ref" >/dev/null || die "$ref: could not remove the outdated stand-in (a container may use it)"
  fi
  if docker image inspect "$ref" >/dev/null 2>&1; then
    echo "$ref: present"
    continue
  fi
  if [ "${DOCKER_TUTOR_NO_PULL:-}" != 1 ] && timeout "$PULL_TIMEOUT" docker pull "$ref" >/dev/null 2>&1; then
    echo "$ref: pulled"
    continue
  fi
  [ -n "$builder" ] || die "$ref: cannot be pulled and has no stand-in"
  start=$SECONDS
  ADOPTED=1
  "$builder"
  if [ "$ADOPTED" -eq 1 ]; then
    echo "$ref: built stand-in ($((SECONDS - start))s)"
  else
    echo "$ref: present (another run tagged it first)"
  fi
done
