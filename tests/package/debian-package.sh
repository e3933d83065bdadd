#!/usr/bin/env bash
# The Debian package as an administrator meets it: dpkg -i, every file in place, the desktop entry,
# AppStream data and man pages valid, the installed helper answering an unprivileged caller by
# D-Bus activation on a system bus run from the installed configuration, then dpkg -r and
# --purge leaving nothing behind. All of it happens in private mount, network and PID namespaces
# with overlays over /usr, /etc and /var and a tmpfs over /run: the machine's files, dpkg
# database, system bus, systemd and firewall never change, which the test checks at the end.
#
#   tests/package/debian-package.sh PACKAGE.deb VERSION     (as root; ctest runs it, label package)
set -euo pipefail
export LC_ALL=C PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

# Everything the package installs, with owner root:root and this mode.
files=(
  "0755 /usr/bin/nfqmon"
  "0755 /usr/bin/nfqmon-capture"
  "0755 /usr/libexec/nfqmon/nfqmon-helper"
  "0644 /usr/share/dbus-1/system.d/org.nfqmon.Helper.conf"
  "0644 /usr/share/dbus-1/system-services/org.nfqmon.Helper.service"
  "0644 /usr/lib/systemd/system/nfqmon-helper.service"
  "0644 /usr/share/polkit-1/actions/org.nfqmon.policy"
  "0644 /usr/share/polkit-1/rules.d/49-nfqmon-groups.rules"
  "0644 /usr/share/dbus-1/interfaces/org.nfqmon.Helper1.xml"
  "0644 /usr/share/icons/hicolor/scalable/apps/nfqmon.svg"
  "0644 /usr/share/applications/org.nfqmon.nfqmon.desktop"
  "0644 /usr/share/metainfo/org.nfqmon.nfqmon.metainfo.xml"
  "0644 /usr/share/man/man1/nfqmon.1.gz"
  "0644 /usr/share/man/man1/nfqmon-capture.1.gz"
  "0644 /usr/share/man/man8/nfqmon-helper.8.gz"
  "0644 /usr/share/doc/nfqmon/copyright"
  "0644 /usr/share/doc/nfqmon/changelog.gz"
  "0644 /usr/share/doc/nfqmon/examples/capture.conf"
)
helper=/usr/libexec/nfqmon/nfqmon-helper
state_dir=/var/lib/nfqmon
# Paths that must not outlive a purge (nor, outside the namespaces, appear at all).
traces=()
for entry in "${files[@]}"; do traces+=("${entry#* }"); done
traces+=(/usr/libexec/nfqmon /usr/share/doc/nfqmon "$state_dir" /var/lib/dpkg/info/nfqmon.list)

me=debian-package
fail() {
  echo "$me: FAIL: $*" >&2
  exit 1
}
ok() { echo "$me: ok: $*"; }

# --- outside: preconditions, the machine's state before and after ------------------------------

if [ "${1:-}" != --inside ]; then
  [ $# -eq 2 ] || { echo "usage: $0 PACKAGE.deb VERSION" >&2; exit 2; }
  deb=$(realpath "$1")
  version=$2
  if [ "$(id -u)" != 0 ]; then
    # dpkg -i, mounts and namespaces need root; CI runs as root and must never skip.
    [ "${CI:-}" = true ] && fail "CI must run this test, but it needs root (mounts, namespaces, dpkg)"
    echo "$me: skipped: needs root (mounts, namespaces, dpkg -i)"
    exit 77
  fi
  [ -f "$deb" ] || fail "no package $deb (the package_build test makes it with cpack -G DEB)"
  for tool in unshare dpkg dpkg-deb dpkg-parsechangelog desktop-file-validate appstreamcli man \
              dbus-daemon dbus-send dbus-monitor pkaction setpriv; do
    command -v "$tool" >/dev/null || fail "$tool is missing: run packaging/install-deps.sh --tests"
  done
  machine_state() {
    dpkg-query -W -f='nfqmon: ${db:Status-Abbrev} ${Version}\n' nfqmon 2>/dev/null ||
      echo "nfqmon: unknown to dpkg"
    for path in "${traces[@]}"; do
      if [ -e "$path" ]; then echo "present $path"; else echo "absent $path"; fi
    done
  }
  before=$(machine_state)
  work=$(mktemp -d /tmp/nfqmon-package-XXXXXX)
  trap 'rm -rf "$work"' EXIT
  started=$(date +%s)
  status=0
  unshare --mount --net --pid --fork --mount-proc --propagation private -- \
    bash "$0" --inside "$deb" "$version" "$work" || status=$?
  after=$(machine_state)
  if [ "$before" != "$after" ]; then
    diff <(echo "$before") <(echo "$after") >&2 || true
    fail "the machine's own files or dpkg database changed (above: before, after)"
  fi
  ok "the machine is as before: $(echo "$before" | head -1), no nfqmon file added or removed"
  [ "$status" = 0 ] || exit "$status"
  echo "$me: PASS in $(($(date +%s) - started)) s"
  exit 0
fi

# --- inside the namespaces ----------------------------------------------------------------------

deb=$2
version=$3
work=$4

# Layers and logs live in a tmpfs of this mount namespace: they vanish with it.
mount -t tmpfs -o mode=0755 nfqmon-package "$work"
for dir in usr etc var; do
  mkdir -p "$work/upper/$dir" "$work/overlay-work/$dir"
  mount -t overlay overlay \
    -o "lowerdir=/$dir,upperdir=$work/upper/$dir,workdir=$work/overlay-work/$dir" "/$dir"
done
# An empty /run: no machine bus socket, no systemd, so the maintainer scripts can reach neither.
mount -t tmpfs -o mode=0755 nfqmon-run /run
mkdir -p "$work/tmp" /run/dbus
export TMPDIR=$work/tmp
# This shell is PID 1 of the namespace: when it exits, the kernel ends every process started here.

# dpkg with its whole output kept for the failure message.
run_dpkg() {
  local log=$work/dpkg.log
  if ! dpkg "$@" >"$log" 2>&1; then
    cat "$log" >&2
    fail "dpkg $* failed (above: dpkg's output; dependencies come from packaging/install-deps.sh)"
  fi
}
dpkg_status() { dpkg-query -W -f='${db:Status-Abbrev}' nfqmon 2>/dev/null || echo "unknown"; }

# The mode and owner of every file; dpkg -L lists exactly these and directories.
check_installed_files() {
  local listed entry mode path actual
  listed=$(dpkg -L nfqmon)
  for entry in "${files[@]}"; do
    mode=${entry%% *}
    path=${entry#* }
    [ -f "$path" ] || fail "$path is not installed"
    actual=$(stat -c '%a %U:%G' "$path")
    [ "$actual" = "${mode#0} root:root" ] || fail "$path is $actual, not ${mode#0} root:root"
    grep -qx "$path" <<<"$listed" || fail "dpkg -L nfqmon does not list $path"
  done
  while read -r path; do
    [ -z "$path" ] && continue
    if [ "$path" = /usr/share/polkit-1/rules.d ]; then
      # polkitd's own directory (its package made it 700 polkitd:root); dpkg keeps its mode.
      actual=$(stat -c '%a %U:%G' "$path")
      [ "$actual" = "700 polkitd:root" ] || fail "directory $path is $actual, not polkitd's 700"
    elif [ -d "$path" ] && [ ! -L "$path" ]; then
      actual=$(stat -c '%a %U:%G' "$path")
      [ "$actual" = "755 root:root" ] || fail "directory $path is $actual, not 755 root:root"
    # A here-string, not a pipe: grep -q stops at the first match, and under pipefail the
    # writer's SIGPIPE would fail the test now and then.
    elif ! grep -q " $path\$" <<<"$(printf '%s\n' "${files[@]}")"; then
      fail "the package installs $path, which is not in the list of expected files"
    fi
  done <<<"$listed"
}

# --- 1. install where no system bus runs (a chroot, an image build) ---------------------------

# A copy the machine has installed is purged here, in the overlay only: the test is of a fresh install.
if [ "$(dpkg_status)" != unknown ]; then
  run_dpkg --purge nfqmon
  echo "$me: note: the machine has nfqmon installed; purged inside the namespace only"
fi
run_dpkg -i "$deb"
[ "$(dpkg_status)" = "ii " ] || fail "after dpkg -i, dpkg says nfqmon is '$(dpkg_status)'"
installed_version=$(dpkg-query -W -f='${Version}' nfqmon)
[ "$installed_version" = "$version" ] ||
  fail "installed version is $installed_version, the project's is $version"
ok "dpkg -i $(basename "$deb") with no system bus running: installed, version $version"
ok "Depends: $(dpkg-query -W -f='${Depends}' nfqmon)"

check_installed_files
ok "all ${#files[@]} files in place, root:root, modes as expected; dpkg -L lists exactly them"

for group in nfqmon nfqmon-rules; do
  line=$(getent group "$group") || fail "postinst did not make the opt-in group $group"
  [ -z "${line##*:}" ] || fail "the opt-in group $group has members when installed: $line"
done
ok "the opt-in polkit groups nfqmon and nfqmon-rules exist, with no members"

for program in /usr/bin/nfqmon "$helper"; do
  out=$(QT_QPA_PLATFORM=offscreen "$program" --version 2>&1) ||
    fail "$program --version failed: $out"
  grep -q "$version" <<<"$out" || fail "$program --version says '$out', not $version"
done
ok "the installed nfqmon and nfqmon-helper run and report version $version"

grep -qx "Exec=$helper --service" /usr/share/dbus-1/system-services/org.nfqmon.Helper.service ||
  fail "the activation file does not run $helper --service"
grep -qx "ExecStart=$helper --service" /usr/lib/systemd/system/nfqmon-helper.service ||
  fail "the systemd unit does not run $helper --service"

# --- 2. desktop entry, AppStream metadata, man pages, changelog --------------------------------

out=$(desktop-file-validate /usr/share/applications/org.nfqmon.nfqmon.desktop 2>&1) ||
  fail "desktop-file-validate: $out"
grep -v ': hint: ' <<<"$out" | grep -q . && fail "desktop-file-validate warns: $out"
out=$(appstreamcli validate --no-net /usr/share/metainfo/org.nfqmon.nfqmon.metainfo.xml 2>&1) ||
  fail "appstreamcli validate --no-net: $out"
ok "desktop-file-validate and appstreamcli validate --no-net pass"

for page in "1 nfqmon" "1 nfqmon-capture" "8 nfqmon-helper"; do
  section=${page% *}
  name=${page#* }
  path=/usr/share/man/man$section/$name.$section.gz
  # gzip -9n: no file name, no time stamp, maximum compression (Debian policy 12.3).
  header=$(od -An -tx1 -N10 "$path" | tr -d ' \n')
  [ "${header:6:10}" = "0000000000" ] && [ "${header:16:2}" = "02" ] ||
    fail "$path is not compressed with gzip -9n (header $header)"
  [ "$(man -w "$section" "$name")" = "$path" ] || fail "man -w $section $name does not find $path"
  warnings=$(MANWIDTH=80 man --warnings -l "$path" 2>&1 >"$work/man.txt") ||
    fail "man -l $path failed: $warnings"
  [ -z "$warnings" ] || fail "man -l $path warns: $warnings"
  grep -q "^NAME" "$work/man.txt" && grep -q "$name " "$work/man.txt" ||
    fail "man $section $name does not show its NAME section: $(head -5 "$work/man.txt")"
done
ok "man nfqmon, man nfqmon-capture and man 8 nfqmon-helper are found and render without warnings"

changelog_version=$(zcat /usr/share/doc/nfqmon/changelog.gz | dpkg-parsechangelog -l- -SVersion)
[ "$changelog_version" = "$version" ] ||
  fail "the newest changelog entry is $changelog_version, the package's version $version"
grep -q "GPL-3.0-or-later" /usr/share/doc/nfqmon/copyright ||
  fail "/usr/share/doc/nfqmon/copyright names no license"
ok "changelog.gz is for $version; copyright states the license"

# --- 3. a system bus run from the installed configuration --------------------------------------

# The machine's own system.conf, unchanged: it runs as messagebus, reads the standard service
# directories and /usr/share/dbus-1/system.d, and activates services as root through the setuid
# dbus-daemon-launch-helper, exactly as on a Debian system without systemd. Its socket is the
# standard /run/dbus/system_bus_socket, in this namespace's own /run.
dbus-daemon --system --nofork --print-address >"$work/bus.address" 2>"$work/bus.log" &
for _ in $(seq 100); do
  grep -q guid= "$work/bus.address" 2>/dev/null && break
  sleep 0.05
done
grep -q guid= "$work/bus.address" || fail "dbus-daemon --system did not start: $(cat "$work/bus.log")"
bus_log() { echo "--- dbus-daemon and what it activated:"; cat "$work/bus.log"; }

call() { # USER ARGS...: dbus-send on the system bus as USER
  local user=$1
  shift
  if [ "$user" = root ]; then
    dbus-send --system --reply-timeout=10000 "$@"
  else
    setpriv --reuid="$user" --regid="$user" --clear-groups -- \
      env -i PATH="$PATH" HOME=/nonexistent dbus-send --system --reply-timeout=10000 "$@"
  fi
}

# The maintainer scripts ask the bus to reload: watch for it.
dbus-monitor --system "type='method_call',interface='org.freedesktop.DBus',member='ReloadConfig'" \
  >"$work/monitor.log" 2>&1 &
for _ in $(seq 100); do
  grep -q NameAcquired "$work/monitor.log" 2>/dev/null && break
  sleep 0.05
done
grep -q NameAcquired "$work/monitor.log" ||
  fail "dbus-monitor did not start: $(cat "$work/monitor.log")"
reloads() { grep -c 'member=ReloadConfig' "$work/monitor.log" || true; }

# dbus's own dpkg trigger reloads the bus too (on Debian's dbus-daemon, not on dbus-broker), so
# the installed maintainer script is also run alone, as dpkg runs it, to see that it asks.
wait_reloads() { # COUNT: until the monitor has seen COUNT ReloadConfig calls (2 s at most)
  for _ in $(seq 40); do [ "$(reloads)" -ge "$1" ] && return 0; sleep 0.05; done
  return 1
}
run_dpkg -i "$deb"
wait_reloads 1 || fail "nothing asked the running system bus to ReloadConfig during dpkg -i"
seen=$(reloads)
DPKG_MAINTSCRIPT_NAME=postinst DPKG_MAINTSCRIPT_PACKAGE=nfqmon \
  /var/lib/dpkg/info/nfqmon.postinst configure "$version" || fail "postinst configure failed"
wait_reloads $((seen + 1)) || fail "postinst configure did not ask the system bus to ReloadConfig"
ok "dpkg -i again with the bus running; its postinst asks the bus to ReloadConfig"

grep -q '"org.nfqmon.Helper"' <<<"$(call root --print-reply --dest=org.freedesktop.DBus / \
  org.freedesktop.DBus.ListActivatableNames)" || fail "the bus does not offer org.nfqmon.Helper for activation"

# As an ordinary user, like the desktop application: the installed policy lets anyone call.
nobody=65534
reply=$(call $nobody --print-reply=literal --dest=org.nfqmon.Helper /org/nfqmon/Helper \
  org.freedesktop.DBus.Properties.Get string:org.nfqmon.Helper1 string:Version 2>&1) ||
  fail "Properties.Get Version as uid $nobody: $reply
$(bus_log)"
grep -q "$version (interface org.nfqmon.Helper1" <<<"$reply" ||
  fail "Version is '$reply', not $version"
ok "D-Bus activation as uid $nobody: Version = $(echo $reply | sed 's/^variant *//')"

reply=$(call $nobody --print-reply --dest=org.nfqmon.Helper /org/nfqmon/Helper \
  org.nfqmon.Helper1.GetStatus 2>&1) || fail "GetStatus as uid $nobody: $reply
$(bus_log)"
state=$(tr -s ' \n' ' ' <<<"$reply" | grep -o 'string "state" variant string "[a-z]*"' |
  sed 's/.*"\([a-z]*\)"$/\1/')
[ "$state" = idle ] || fail "GetStatus says state '$state', not idle: $reply"
ok "GetStatus answers: state idle"

pid=$(call root --print-reply=literal --dest=org.freedesktop.DBus / \
  org.freedesktop.DBus.GetConnectionUnixProcessID string:org.nfqmon.Helper | awk '{print $2}')
[ -n "$pid" ] && [ -d "/proc/$pid" ] || fail "no process owns org.nfqmon.Helper (pid '$pid')"
exe=$(readlink "/proc/$pid/exe")
[ "$exe" = "$helper" ] || fail "org.nfqmon.Helper is served by $exe, not $helper"
uid=$(awk '/^Uid:/ {print $2}' "/proc/$pid/status")
[ "$uid" = 0 ] || fail "the helper runs as uid $uid, not root"
grep -q -- '--service' <<<"$(tr '\0' ' ' <"/proc/$pid/cmdline")" || fail "the helper was not started with --service"
ok "org.nfqmon.Helper is pid $pid, $exe --service, as root"

[ "$(stat -c '%a %U' "$state_dir" 2>/dev/null)" = "700 root" ] ||
  fail "the helper's state directory $state_dir is not 0700 root: $(stat -c '%a %U' "$state_dir" 2>&1)"

# Every action keeps an administrator's password a few minutes outside an active session (one
# prompt, not one per call); reading the firewall needs none in the active session.
for spec in org.nfqmon.read:yes org.nfqmon.capture:auth_admin_keep org.nfqmon.rules:auth_admin_keep \
  org.nfqmon.configure:auth_admin_keep; do
  action=${spec%%:*} active=${spec#*:}
  out=$(pkaction --action-id "$action" --verbose 2>&1) || fail "polkit does not know $action: $out"
  grep -q "implicit active: *$active\$" <<<"$out" ||
    fail "polkit's defaults for $action are not $active for the active session: $out"
  grep -q 'implicit inactive: *auth_admin_keep$' <<<"$out" && grep -q 'implicit any: *auth_admin_keep$' <<<"$out" ||
    fail "polkit's defaults for $action are not auth_admin_keep outside the active session: $out"
done
ok "polkitd (activated on the same bus) knows org.nfqmon.read, org.nfqmon.capture, org.nfqmon.rules and org.nfqmon.configure"

# --- 4. remove, then purge ----------------------------------------------------------------------

run_dpkg -r nfqmon
for _ in $(seq 100); do [ -d "/proc/$pid" ] || break; sleep 0.05; done
[ ! -d "/proc/$pid" ] || fail "dpkg -r left the running helper (pid $pid) running"
for entry in "${files[@]}"; do
  [ ! -e "${entry#* }" ] || fail "dpkg -r left ${entry#* }"
done
[ -d "$state_dir" ] || fail "dpkg -r removed $state_dir: saved rules belong to purge"
[ "$(dpkg_status)" = "rc " ] || fail "after dpkg -r, dpkg says nfqmon is '$(dpkg_status)', not rc"
call root --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.ListActivatableNames |
  grep -q '"org.nfqmon.Helper"' && fail "after dpkg -r the bus still offers org.nfqmon.Helper"
seen=$(reloads)
DPKG_MAINTSCRIPT_NAME=postrm DPKG_MAINTSCRIPT_PACKAGE=nfqmon \
  /var/lib/dpkg/info/nfqmon.postrm remove || fail "postrm remove failed"
wait_reloads $((seen + 1)) || fail "postrm remove did not ask the system bus to ReloadConfig"
ok "dpkg -r: prerm stopped the running helper, files gone, the bus no longer offers" \
  "org.nfqmon.Helper (postrm asks it to reload), $state_dir kept"

run_dpkg --purge nfqmon
status=$(dpkg_status)
[ "$status" = "unknown" ] || [ "$status" = "un " ] || [ "$status" = "pn " ] ||
  fail "after dpkg --purge, dpkg says nfqmon is '$status'"
for path in "${traces[@]}"; do
  [ ! -e "$path" ] || fail "dpkg --purge left $path"
done
ok "dpkg --purge: no file, directory, state or dpkg record of nfqmon left"
grep -Ei 'error|warning' "$work/dpkg.log" && fail "dpkg --purge printed the above"
exit 0
