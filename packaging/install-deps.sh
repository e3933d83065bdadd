#!/usr/bin/env bash
# Installs the Debian 12 packages nfqmon needs, only what is missing:
#   packaging/install-deps.sh           to build and run it (packaging/run.sh)
#   packaging/install-deps.sh --tests   and to run every test (packaging/test.sh): the real
#                                       tools the tests drive (a tray, a notification server,
#                                       traffic and packaging tools, promtool and node_exporter,
#                                       sshd for the remote hosts of RemoteHostBed)
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-charts-dev libqt6opengl6-dev
  libqt6svg6 libnetfilter-queue-dev libmnl-dev libpcap-dev libssl-dev
  clang bpftool libbpf-dev
  iptables iproute2 procps kmod util-linux
  dbus dbus-daemon dbus-bin polkitd publicsuffix
)
if [ "${1:-}" = --tests ]; then
  packages+=(
    clang libclang-rt-14-dev libdbus-1-dev xvfb xauth dunst trayer ccache
    nftables iputils-ping tcpdump curl wget python3 openssl tshark
    dpkg-dev file desktop-file-utils appstream man-db
    prometheus prometheus-node-exporter
    openssh-client openssh-server
  )
elif [ -n "${1:-}" ]; then
  echo "usage: packaging/install-deps.sh [--tests]" >&2
  exit 2
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "nfqmon: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # The tests run sshd, prometheus and node_exporter in namespaces of their own, never as the
  # machine's services: their packages must not start (or, with systemd, enable) them here, nor
  # open ports on the machine. A policy-rc.d that denies every start, only for this install,
  # unless the machine has one already.
  daemons=()
  for p in openssh-server prometheus prometheus-node-exporter; do
    if [[ " ${missing[*]} " == *" $p "* ]]; then daemons+=("$p"); fi
  done
  quiet_daemons=
  if [ ${#daemons[@]} -gt 0 ] && [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    quiet_daemons=yes
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
  if [ ${#daemons[@]} -gt 0 ] && [ -d /run/systemd/system ]; then
    for p in "${daemons[@]}"; do
      unit=${p/openssh-server/ssh}
      systemctl disable --now "$unit.service" >/dev/null 2>&1 || true
    done
    echo "nfqmon: ${daemons[*]} installed for the tests only; their services are disabled" \
         "(systemctl enable --now ssh, prometheus or prometheus-node-exporter to use them)"
  fi
  [ -z "$quiet_daemons" ] || rm -f /usr/sbin/policy-rc.d
fi
