#!/usr/bin/env bash
# Runs every fuzz target for longer than ctest does (default 10 minutes each), from the committed
# seed corpus, keeping what it finds in build-fuzz/tests/fuzz/found/<target>/ for the next run.
#   tests/fuzz/run.sh [SECONDS-PER-TARGET] [TARGET...]
# A crash or sanitizer report stops that target with the input that caused it saved as
# build-fuzz/tests/fuzz/<target>-crash-*; the script then exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_packetdecoder fuzz_streamdecoder fuzz_configparser fuzz_requests
  fuzz_hostnames)
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
failed=0
for target in "${targets[@]}"; do
  found=build-fuzz/tests/fuzz/found/$target
  mkdir -p "$found"
  echo "== $target for $seconds s"
  if ! "build-fuzz/tests/fuzz/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="build-fuzz/tests/fuzz/$target-" \
      "$found" "tests/fuzz/corpus/$target"; then
    failed=1
  fi
done
exit $failed
