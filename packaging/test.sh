#!/usr/bin/env bash
# Sets up everything and runs every test: packages, build, the whole suite, then the suite again
# built with AddressSanitizer and UndefinedBehaviorSanitizer, the fuzz targets (clang, libFuzzer)
# for a few seconds each, and the tests of the engine's threads under ThreadSanitizer. Run as
# root (the integration tests create network namespaces and iptables rules inside them; the
# machine's own are never touched).
#
# The next build compiles at the lowest priority while a suite runs: the suites mostly wait on
# the kernel and the bus, and the scheduler gives the tests the CPU whenever they want it. The
# benchmarks' smoke runs and the soak wait for a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" != 0 ]; then
  echo "packaging/test.sh: run as root (sudo packaging/test.sh): the tests need network namespaces" >&2
  exit 1
fi
packaging/install-deps.sh --tests
jobs=$(nproc)
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

step() { echo "== $1 (at ${SECONDS} s)"; }

# Every build compiles through ccache, so a run after another on the same machine (CI, a second
# run here) compiles only what changed. Paths are taken relative to the tree and the build
# folder is not hashed, so clones in different places share one cache.
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
configure() {
  cmake --preset "$1" -DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
}

# Builds presets in the background, at nice 19, into $logs/NAME.log; `finish NAME` waits for it.
declare -A background=()
build_behind() {
  local name=$1
  shift
  (
    for preset in "$@"; do
      configure "$preset" && nice -n 19 cmake --build --preset "$preset" -j "$jobs"
    done
  ) >"$logs/$name.log" 2>&1 &
  background[$name]=$!
}
finish() {
  if ! wait "${background[$1]}"; then
    tail -n 60 "$logs/$1.log"
    echo "packaging/test.sh: the $1 build failed" >&2
    exit 1
  fi
  step "$1 built"
}

step "build (RelWithDebInfo)"
configure default
cmake --build --preset default -j "$jobs"

build_behind sanitize sanitize
step "tests"
ctest --preset default -j "$jobs" -LE bench
finish sanitize

# The benchmarks' smoke runs and the soak measure time and keep up with a flood: on a quiet
# machine, with nothing building behind them.
step "benchmark smoke runs and the soak"
ctest --preset default -L bench

build_behind analysis fuzz tsan
step "tests under address + undefined sanitizers"
# The benchmarks' smoke runs and the soak only once, above: their figures mean nothing here.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --preset sanitize -j "$jobs" -LE bench
finish analysis

step "fuzz targets (clang, libFuzzer; longer: tests/fuzz/run.sh)"
ctest --preset fuzz -j "$jobs"
step "engine threads under ThreadSanitizer"
ctest --preset tsan
step "all passed"
