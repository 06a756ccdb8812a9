#!/bin/sh
# Stand-in for a private package manager: it installs private-lib only when the token it reads is
# the right one, as a real one would refuse to download without it.
# Usage: sh install-private.sh [FILE]   (default: /run/secrets/shop_token)
set -e
token_file=${1:-/run/secrets/shop_token}
if [ ! -r "$token_file" ]; then
  echo "install-private: no token in $token_file" >&2
  exit 1
fi
# Only a hash of the right token is kept here, never the token itself.
if [ "$(tr -d '\n' < "$token_file" | sha256sum | cut -d ' ' -f 1)" != \
  "bdeff057b200766f3e316a262c2102fcccfd411e01b47151aac4710df471ff98" ]; then
  echo "install-private: token refused" >&2
  exit 1
fi
mkdir -p /opt/private-lib
echo "private-lib 3.1 installed" > /opt/private-lib/VERSION
echo "install-private: private-lib 3.1 installed"
