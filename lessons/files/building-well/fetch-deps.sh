#!/bin/sh
# Stand-in for a package manager (pip, npm, apt…): it keeps what it downloads in /var/cache/fetch
# and downloads only what is not there yet. The download is slow on purpose.
set -e
cache=/var/cache/fetch
mkdir -p "$cache" /app/deps
if [ -s "$cache/libfoo-2.0.tar" ]; then
  echo "fetch-deps: libfoo 2.0 found in $cache, no download"
else
  echo "fetch-deps: downloading libfoo 2.0 (20 MB)..."
  sleep 3
  head -c 20000000 /dev/urandom > "$cache/libfoo-2.0.tar"
fi
# What the application needs from the package: one small file.
echo "libfoo 2.0" > /app/deps/libfoo.txt
