#!/usr/bin/env bash
# Removes what a killed lab run left behind: for every lab host (namespace ntl-* and/or state
# dir $base/ntl-*) whose owning test process is gone, it ends the daemons that host started,
# the processes inside its namespaces (containers included), its mounts, the namespace and
# the state dir. Hosts whose owner is alive belong to a run in progress and are left alone.
# Safety: a pid from a pid file is killed only if its command line names the host's state
# dir (the pid may have been reused); nothing outside the lab's namespaces and dirs is touched.
# Same logic as tests/NetTui.Lab/LabSweep.cs. `--all` ignores owners (nothing may be running).
base=${NETTUI_LAB_DIR:-/tmp/nettui-lab}
all=false; [ "${1:-}" = --all ] && all=true

alive() { [ -n "$1" ] && [ -d "/proc/$1" ] && ! grep -q '^[0-9]* (.*) Z' "/proc/$1/stat" 2>/dev/null; }

# SIGKILL every process whose network namespace is the one the file $1 names.
kill_netns_members() {
  local ino p
  ino=$(stat -L -c %i "$1" 2>/dev/null) || return 0
  for p in /proc/[0-9]*; do
    [ "$(readlink "$p/ns/net" 2>/dev/null)" = "net:[$ino]" ] && kill -9 "${p#/proc/}" 2>/dev/null
  done
  return 0
}

names=$( { ip netns list 2>/dev/null | awk '{print $1}'; ls "$base" 2>/dev/null; } | grep -E '^ntl-' | sort -u)
for ns in $names; do
  dir="$base/$ns"
  owner=$(cat "$dir/owner" 2>/dev/null)
  if ! $all && alive "$owner"; then echo "lab-sweep: $ns in use by pid $owner, kept"; continue; fi
  echo "lab-sweep: removing $ns"
  if [ -d "$dir" ]; then
    for f in "$dir"/docker/exec/netns/*; do [ -e "$f" ] && kill_netns_members "$f"; done
    find "$dir" -name '*.pid' -type f 2>/dev/null | while read -r f; do
      pid=$(cat "$f" 2>/dev/null)
      if alive "$pid" && tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF "$dir"; then kill -9 "$pid" 2>/dev/null; fi
    done
  fi
  if [ -e "/run/netns/$ns" ]; then
    kill_netns_members "/run/netns/$ns"
    sleep 0.2
    ip netns del "$ns" 2>/dev/null
  fi
  # Docker leaves mounts under its data and exec roots; never rm -rf through a mount.
  grep -o " $dir/[^ ]*" /proc/mounts | sort -r | while read -r m; do umount -l "$m" 2>/dev/null; done
  if grep -q " $dir/" /proc/mounts; then echo "lab-sweep: $dir still has mounts, not deleted" >&2; else rm -rf "$dir"; fi
done
exit 0
