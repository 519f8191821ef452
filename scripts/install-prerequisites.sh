#!/usr/bin/env bash
# Installs the system packages DayClear builds and tests with (Debian):
# ncursesw and SQLite headers, tmux for the end-to-end terminal tests, and the
# sqlite3 shell used by the audit tests, strace for the test that commits are
# synced, and passwd, util-linux and iproute2 (useradd, setpriv, ss) for the
# server tests. Skips apt when everything is present.
set -euo pipefail
packages=(libncursesw5-dev libsqlite3-dev tmux sqlite3 pkg-config strace passwd util-linux iproute2)
missing=()
for package in "${packages[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    sudo=sudo
else
    sudo=
fi
echo "Installing ${missing[*]}" >&2
$sudo apt-get update
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y "${missing[@]}"
