#!/usr/bin/env bash
# Runs an unpacked image as a container runtime would, inside the mount, network and PID namespaces
# that unshare made for this script: root file system read-only, a fresh tmpfs on /tmp, the image's
# env, user and entrypoint. Then asks the application's health endpoint from inside the same network
# namespace and prints what it saw. Everything dies with this script (it is PID 1 of the namespace).
# Usage: run-image.sh ROOTFS UID GID WORKDIR PORT PATH LOG [NAME=VALUE...] -- COMMAND...
set -euo pipefail
rootfs=$1 uid=$2 gid=$3 workdir=$4 port=$5 path=$6 log=$7
shift 7
env=()
while [[ $1 != -- ]]; do
  env+=("$1")
  shift
done
shift

ip link set lo up
mount --make-rprivate /
mount --bind "$rootfs" "$rootfs"
mount -t proc proc "$rootfs/proc"
mount --rbind /dev "$rootfs/dev"
mount -t tmpfs -o mode=1777,size=256m tmpfs "$rootfs/tmp"
mount -o remount,bind,ro "$rootfs"
if touch "$rootfs/.write-probe" 2>/dev/null; then
  echo "the root file system is writable" >&2
  exit 1
fi
echo "root file system read-only"

env -i "${env[@]}" "$(command -v unshare)" --root="$rootfs" --wd="$workdir" --setgid="$gid" --setuid="$uid" \
  -- "$@" >"$log" 2>&1 &
app=$!
for ((i = 0; i < 240; i++)); do
  if body=$(curl -fsS --max-time 2 "http://127.0.0.1:$port$path" 2>/dev/null); then
    # $app counts in the new PID namespace, whose /proc is the one mounted in the image.
    echo "$(cat "$rootfs/proc/$app/comm") runs as uid $(awk '/^Uid:/ { print $2 }' "$rootfs/proc/$app/status")"
    echo "$body"
    exit 0
  fi
  if ! kill -0 "$app" 2>/dev/null; then
    echo "the application exited; its log:" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
  sleep 0.5
done
echo "no answer on $path within 120 s; the application's log:" >&2
tail -n 40 "$log" >&2
exit 1
