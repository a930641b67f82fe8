#!/usr/bin/env bash
# Starts (or stops) a private D-Bus session bus with a real, unlocked gnome-keyring for the keychain tests.
#   scripts/test-keyring.sh start DIR   -> writes DIR/env (shell exports) and DIR/pids, prints the env
#   scripts/test-keyring.sh stop DIR    -> stops both processes by PID
# Traps avoided (see shared docs, environment.md): no service directories on the bus (nothing auto-activates a
# second, locked daemon), a newline on the daemon's stdin (else no login keyring), and waiting until the login
# collection is unlocked before any test runs.
set -euo pipefail
cmd=${1:?start|stop}
dir=${2:?state directory}

stop() {
  [ -f "$dir/pids" ] || return 0
  while read -r pid; do kill "$pid" 2>/dev/null || true; done <"$dir/pids"
  rm -f "$dir/pids"
}

if [ "$cmd" = stop ]; then stop; exit 0; fi

command -v gnome-keyring-daemon >/dev/null || { echo "gnome-keyring-daemon not installed" >&2; exit 3; }
command -v dbus-daemon >/dev/null || { echo "dbus-daemon not installed" >&2; exit 3; }
mkdir -p "$dir/run" "$dir/data" "$dir/config" "$dir/bus"
chmod 700 "$dir/run"
cat >"$dir/bus.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:dir=$dir/bus</listen><auth>EXTERNAL</auth>
<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy></busconfig>
CONF
mapfile -t bus < <(dbus-daemon --config-file="$dir/bus.conf" --fork --nopidfile --print-address=1 --print-pid=1)
address=${bus[0]}
echo "${bus[1]}" >"$dir/pids"

export DBUS_SESSION_BUS_ADDRESS=$address XDG_RUNTIME_DIR=$dir/run XDG_DATA_HOME=$dir/data XDG_CONFIG_HOME=$dir/config
echo '' | gnome-keyring-daemon --foreground --unlock --components=secrets >"$dir/keyring.log" 2>&1 &
echo $! >>"$dir/pids"

ready=""
for _ in $(seq 1 200); do
  if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true' &&
    dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets/collection/login \
      org.freedesktop.DBus.Properties.Get string:org.freedesktop.Secret.Collection string:Locked 2>/dev/null |
      grep -q 'boolean false'; then
    ready=1
    break
  fi
  sleep 0.05
done
if [ -z "$ready" ]; then
  echo "gnome-keyring did not come up; log:" >&2
  cat "$dir/keyring.log" >&2
  stop
  exit 1
fi
cat >"$dir/env" <<ENV
export DBUS_SESSION_BUS_ADDRESS='$address'
export XDG_RUNTIME_DIR='$dir/run'
export XDG_DATA_HOME='$dir/data'
export XDG_CONFIG_HOME='$dir/config'
export WAWP_TEST_KEYRING=1
export NO_AT_BRIDGE=1
ENV
cat "$dir/env"
