#!/bin/sh
# Runs a command against a real, private Secret Service: a new D-Bus session bus with a
# gnome-keyring-daemon whose login keyring is created and unlocked with a throwaway password.
# Its keyring files go to a temporary XDG_DATA_HOME, so the user's own keyring is never touched.
set -eu
if [ -z "${GENAIOPS_KEYRING_SESSION:-}" ]; then
    export GENAIOPS_KEYRING_SESSION=1
    exec dbus-run-session -- "$0" "$@"
fi
scratch=$(mktemp -d)
# The daemon leaves with the session bus; only its scratch files need removing here.
trap 'rm -rf "$scratch"' EXIT
export XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
eval "$(printf 'throwaway-test-password' | gnome-keyring-daemon --unlock --components=secrets --daemonize | sed 's/^/export /')"
status=0
"$@" || status=$?
exit "$status"
