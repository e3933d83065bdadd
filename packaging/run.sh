#!/usr/bin/env bash
# Sets up everything and runs nfqmon: installs the Debian packages it needs, builds, installs
# into /usr (the only prefix where the system bus finds the helper's D-Bus policy and activation
# file and polkit finds its actions), makes the system bus and polkit pick up the new files
# (starting them where none runs, as in a container), then starts the desktop application
# `nfqmon` as the user who ran sudo, never as root. Running it again rebuilds and reinstalls only
# what changed. Arguments go to nfqmon (e.g. a pcap file to open).
set -euo pipefail
cd "$(dirname "$0")/.."
say() { echo "nfqmon: $*"; }
if [ "$(id -u)" != 0 ]; then
  echo "packaging/run.sh: run as root (sudo packaging/run.sh): it installs nfqmon's helper," \
       "D-Bus policy and polkit actions into /usr" >&2
  exit 1
fi
packaging/install-deps.sh
cmake --preset default -DCMAKE_INSTALL_PREFIX=/usr >/dev/null
cmake --build --preset default -j "$(nproc)" --target nfqmon nfqmon-helper nfqmon-capture \
  nfqmon_dbus_xml nfqmon_docs
cmake --install build >/dev/null
say "installed into /usr: bin/nfqmon, bin/nfqmon-capture, libexec/nfqmon/nfqmon-helper, the" \
    "D-Bus, polkit and systemd files, the man pages, the menu entry and the icon"
# The opt-in groups of polkit-1/rules.d/49-nfqmon-groups.rules, as the package's postinst makes
# them: empty, so they grant nothing until an administrator adds a user.
for group in nfqmon nfqmon-rules; do
  getent group "$group" >/dev/null || groupadd --system "$group"
done

bus_call() { # METHOD ARGS...: a call to the bus daemon itself
  dbus-send --system --print-reply --type=method_call --dest=org.freedesktop.DBus \
    /org/freedesktop/DBus "org.freedesktop.DBus.$1" "${@:2}"
}

# The system bus: reload it so it reads the new policy, or start it where none runs.
if [ -S /run/dbus/system_bus_socket ] && bus_call GetId >/dev/null 2>&1; then
  bus_call ReloadConfig >/dev/null 2>&1 || true
else
  say "no system bus runs here (a container?): starting dbus-daemon --system"
  mkdir -p /run/dbus
  rm -f /run/dbus/system_bus_socket /run/dbus/pid
  dbus-daemon --system --fork
  for _ in $(seq 50); do bus_call GetId >/dev/null 2>&1 && break; sleep 0.1; done
fi
if [ -d /run/systemd/system ]; then
  systemctl daemon-reload # the helper's unit (D-Bus activation goes through it)
fi
# polkitd rereads its actions by itself; where it does not run yet, activate it now, so that
# the first Start does not wait for it.
if ! bus_call NameHasOwner string:org.freedesktop.PolicyKit1 2>/dev/null | grep -q "boolean true"
then
  say "polkitd does not run: starting it on the system bus"
  bus_call StartServiceByName string:org.freedesktop.PolicyKit1 uint32:0 >/dev/null 2>&1 ||
    { /usr/lib/polkit-1/polkitd --no-debug >/dev/null 2>&1 & }
  for _ in $(seq 50); do
    bus_call NameHasOwner string:org.freedesktop.PolicyKit1 2>/dev/null | grep -q "boolean true" &&
      break
    sleep 0.1
  done
fi

headless() {
  cat >&2 <<EOF
Without a display, run nfqmon's capture headless instead, from a root-owned config file
(the Haka module's syntax; README, "Headless mode"):

  sudo /usr/libexec/nfqmon/nfqmon-helper --config /usr/share/doc/nfqmon/examples/capture.conf

That sample captures loopback traffic into /tmp/nfqmon-input.pcap and /tmp/nfqmon-output.pcap
until Ctrl-C; copy it to /etc and edit it for your interfaces.

Or start the window from a desktop session: sudo packaging/run.sh there (sudo keeps DISPLAY
and XAUTHORITY); tests/gui/screenshot.sh shows it under Xvfb.
EOF
}

# The window runs unprivileged: as the desktop user behind sudo.
user=${SUDO_USER:-}
if [ -z "$user" ] || [ "$user" = root ]; then
  user=$(loginctl list-users --no-legend 2>/dev/null | awk '$1 >= 1000 { print $2; exit }' || true)
fi
uid=
runtime=
if [ -n "$user" ]; then
  uid=$(id -u "$user")
  runtime=/run/user/$uid
fi
if [ -z "${WAYLAND_DISPLAY:-}" ] && [ -n "$runtime" ] && [ -S "$runtime/wayland-0" ]; then
  WAYLAND_DISPLAY=wayland-0 # sudo does not keep it; the user's session has one
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  say "set up; there is no display (DISPLAY and WAYLAND_DISPLAY are unset), so no window."
  headless
  exit 0
fi
if [ -z "$user" ]; then
  echo "packaging/run.sh: found no desktop user to run the window as (run it with sudo from" \
       "your own account): nfqmon never runs its window as root" >&2
  exit 1
fi

gid=$(id -g "$user")
home=$(getent passwd "$user" | cut -d: -f6)
environment=(HOME="$home" USER="$user" LOGNAME="$user" PATH=/usr/local/bin:/usr/bin:/bin)
for name in DISPLAY WAYLAND_DISPLAY XAUTHORITY LANG LANGUAGE LC_ALL LC_MESSAGES QT_QPA_PLATFORM \
            QT_SCALE_FACTOR XDG_CURRENT_DESKTOP XDG_SESSION_TYPE; do
  if [ -n "${!name:-}" ]; then
    environment+=("$name=${!name}")
  fi
done
if [ ! -d "$runtime" ]; then
  # No login manager made the user's runtime directory: one of its own, as the user's alone.
  runtime=$(mktemp -d /tmp/nfqmon-runtime-XXXXXX)
  chown "$uid:$gid" "$runtime"
fi
if [ -d "$runtime" ]; then
  environment+=(XDG_RUNTIME_DIR="$runtime")
  if [ -S "$runtime/bus" ]; then
    environment+=(DBUS_SESSION_BUS_ADDRESS="unix:path=$runtime/bus")
  fi
fi
if ! bus_call NameHasOwner string:org.freedesktop.login1 2>/dev/null | grep -q "boolean true"
then
  say "no login manager (logind) runs here, so polkit finds no password prompt for the" \
      "window: Start will be refused unless $user is allowed by a polkit rule" \
      "(README, \"Security model\")"
fi
say "starting /usr/bin/nfqmon as $user"
exec setpriv --reuid="$uid" --regid="$gid" --init-groups --reset-env \
  env "${environment[@]}" /usr/bin/nfqmon "$@"
