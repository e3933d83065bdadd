#!/usr/bin/env bash
# Installs the Debian 12 packages nfqmon needs to build, run and test; only what is missing.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config clang
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-charts-dev libqt6opengl6-dev libqt6svg6
  xvfb xauth
  libnetfilter-queue-dev libmnl-dev libpcap-dev
  iptables nftables iproute2 iputils-ping tcpdump procps kmod
  dbus-daemon dbus-bin polkitd util-linux
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "nfqmon: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
