#!/usr/bin/env bash
# Every benchmark, one after the other, with the machine they ran on: the packet path
# (nfqmon-bench-packetpath), host names (nfqmon-bench-names), the application
# (nfqmon-bench-app), a remote host's SSH link (nfqmon-bench-remote) and the inspection depth
# (nfqmon-bench-depth). Run as root: they create
# network namespaces (the machine's own network is never touched). Prints Markdown tables.
#
#   sudo tests/bench/run.sh [--seconds N] [--repeat N]     (the packet path's options)
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "$(id -u)" != 0 ]; then
  echo "tests/bench/run.sh: run as root: the benchmarks create network namespaces" >&2
  exit 1
fi
packaging/install-deps.sh --tests
cmake --preset default >/dev/null
cmake --build --preset default -j "$(nproc)" --target nfqmon-bench-packetpath nfqmon-bench-app \
  nfqmon-bench-names nfqmon-bench-remote nfqmon-bench-depth nfqmon-capture nfqmon-helper >/dev/null
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
echo "Machine: ${cpu:-unknown CPU}, $(nproc) cores, $(free -g | awk '/^Mem:/ { print $2 }') GiB," \
     "Linux $(uname -r), $(date -u +%Y-%m-%d)"
echo
echo "### Packet path"
echo
build/tests/nfqmon-bench-packetpath "$@"
echo
echo "### Host names"
echo
build/tests/nfqmon-bench-names
echo
echo "### Application"
echo
build/tests/nfqmon-bench-app
echo
echo "### Remote host over SSH"
echo
build/tests/nfqmon-bench-remote
echo
echo "### Inspection depth"
echo
build/tests/nfqmon-bench-depth
