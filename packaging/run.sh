#!/usr/bin/env bash
# Sets up everything and runs nfqmon. Until the desktop application exists this runs the headless
# helper on packaging/nfqmon-sample.conf, which captures loopback traffic; stop it with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" != 0 ]; then
  echo "packaging/run.sh: run as root (sudo packaging/run.sh): capturing needs CAP_NET_ADMIN" >&2
  exit 1
fi
packaging/install-deps.sh
cmake --preset default >/dev/null
cmake --build --preset default -j "$(nproc)" --target nfqmon-helper
echo "nfqmon: running build/helper/nfqmon-helper --config packaging/nfqmon-sample.conf (Ctrl-C stops)"
exec build/helper/nfqmon-helper --config packaging/nfqmon-sample.conf "$@"
