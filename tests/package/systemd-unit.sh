#!/usr/bin/env bash
# The helper's systemd unit as systemd itself judges it: `systemd-analyze verify` accepts it and
# `systemd-analyze security` (offline: no running systemd needed) rates its exposure at most
# MAX (on systemd's 0-10 scale: below 2 is "OK"). The whole table is printed, for the README.
#   systemd-unit.sh UNIT-FILE MAX
set -euo pipefail
unit=$1
max=$2
if ! command -v systemd-analyze >/dev/null; then
  echo "systemd-analyze is missing (package systemd): packaging/install-deps.sh --tests" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# verify wants the program to exist: the same unit, run by a program that does.
sed -E 's|^ExecStart=[^ ]+|ExecStart=/bin/true|' "$unit" >"$work/nfqmon-helper.service"
systemd-analyze verify --man=no "$work/nfqmon-helper.service"
cp "$unit" "$work/nfqmon-helper.service"
report=$(systemd-analyze security --offline=yes "$work/nfqmon-helper.service" 2>&1) || true
echo "$report" | grep -v '^✓' || true
score=$(echo "$report" | sed -n 's/.*Overall exposure level for nfqmon-helper.service: \([0-9.]*\).*/\1/p')
if [ -z "$score" ]; then
  echo "systemd-analyze security printed no score" >&2
  exit 1
fi
echo "exposure $score (at most $max allowed)"
awk -v s="$score" -v m="$max" 'BEGIN { exit !(s <= m) }'
