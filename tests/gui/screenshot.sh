#!/usr/bin/env bash
# The README's screenshots, of the real window with live traffic under Xvfb (a real X server):
# builds what it needs, runs tests/gui/tst_screenshot.cpp there (the real helper on the test's
# private bus, in a network namespace of its own) and writes window.png, drop-menu.png and
# capture-settings.png. Run as root, like the other tests.
#
#   sudo tests/gui/screenshot.sh [directory]     (default: docs/screenshots)
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "$(id -u)" != 0 ]; then
  echo "tests/gui/screenshot.sh: run as root: the window captures real traffic in a test namespace" >&2
  exit 1
fi
out=$(realpath -m "${1:-docs/screenshots}")
packaging/install-deps.sh --tests
cmake --preset default >/dev/null
cmake --build --preset default -j "$(nproc)" --target tst_screenshot nfqmon-helper nfqmon-test-send
NFQMON_SCREENSHOT_DIR="$out" QT_QPA_PLATFORM=xcb LANG=en_US.UTF-8 \
  xvfb-run --auto-servernum --server-args="-screen 0 1600x1000x24" build/tests/tst_screenshot
echo "screenshots: $out"
