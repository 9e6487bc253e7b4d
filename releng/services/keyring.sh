#!/usr/bin/env bash
# Starts a desktop keyring for the tests of Eclipse's secure storage, as a GNOME session has one: a private D-Bus
# session bus, and Debian's gnome-keyring-daemon on it serving the Secret Service, its login keyring in DIR and
# unlocked (the workbench's secure storage keeps its master password there, through libsecret).
# Prints DBUS_SESSION_BUS_ADDRESS, for the tests and the product smoke test to find the keyring.
# Usage: keyring.sh start DIR | keyring.sh stop DIR
set -euo pipefail
action=$1
dir=$(mkdir -p "$2" && cd "$2" && pwd -P)

case "$action" in
start)
    command -v gnome-keyring-daemon >/dev/null && command -v dbus-daemon >/dev/null \
        || { echo "keyring.sh: gnome-keyring or dbus-daemon is missing (apt-get install gnome-keyring dbus-daemon)" >&2; exit 1; }
    mkdir -p "$dir/data" "$dir/run" && chmod 700 "$dir/run"
    # the bus: its address and pid on two lines
    dbus-daemon --session --fork --nopidfile --address="unix:path=$dir/run/bus" --print-address=1 --print-pid=1 \
        >"$dir/bus" 2>"$dir/dbus.log" || { echo "keyring.sh: the D-Bus session bus did not start, see $dir/dbus.log" >&2; exit 1; }
    address=$(sed -n 1p "$dir/bus")
    # --unlock reads the login keyring's password on stdin, and creates the keyring on first use
    head -c 18 /dev/urandom | base64 | DBUS_SESSION_BUS_ADDRESS=$address XDG_DATA_HOME=$dir/data XDG_RUNTIME_DIR=$dir/run \
        gnome-keyring-daemon --foreground --unlock --components=secrets >"$dir/keyring.log" 2>&1 &
    echo $! >"$dir/keyring.pid"
    for _ in $(seq 100); do
        # the Secret Service is up once its name is on the bus
        if DBUS_SESSION_BUS_ADDRESS=$address dbus-send --session --print-reply --dest=org.freedesktop.DBus / \
            org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; then
            echo "DBUS_SESSION_BUS_ADDRESS=$address"
            exit 0
        fi
        sleep 0.1
    done
    echo "keyring.sh: gnome-keyring-daemon did not serve the Secret Service, see $dir/keyring.log" >&2
    exit 1
    ;;
stop)
    [ ! -f "$dir/keyring.pid" ] || kill "$(cat "$dir/keyring.pid")" 2>/dev/null || true
    [ ! -f "$dir/bus" ] || kill "$(sed -n 2p "$dir/bus")" 2>/dev/null || true
    ;;
*)
    echo "usage: keyring.sh start DIR | stop DIR" >&2
    exit 2
    ;;
esac
