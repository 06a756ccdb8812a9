#!/bin/sh
# Stand-in for a download: writes a 30 MB archive to $1 that holds, besides a lot of extras, the
# one file the application needs, catalogue.txt.
set -e
out=${1:?usage: sh fetch-bundle.sh ARCHIVE}
work=$(mktemp -d)
head -c 30000000 /dev/urandom > "$work/extras.bin"
echo "catalogue v7: 1200 products" > "$work/catalogue.txt"
tar -cf "$out" -C "$work" catalogue.txt extras.bin
rm -rf "$work"
