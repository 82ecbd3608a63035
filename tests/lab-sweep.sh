#!/usr/bin/env bash
# Removes what a killed lab run left behind: daemons it started (only those whose pid file
# lies under the lab's state directory) and namespaces with the lab's name prefix.
base=${NETTUI_LAB_DIR:-/tmp/nettui-lab}
if [ -d "$base" ]; then
  find "$base" -name '*.pid' -type f 2>/dev/null | while read -r f; do
    pid=$(cat "$f" 2>/dev/null); [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null
  done
  sleep 0.2
  # Docker leaves mounts under its data and exec roots.
  grep -o " $base/[^ ]*" /proc/mounts | sort -r | while read -r m; do umount -l "$m" 2>/dev/null; done
  rm -rf "$base"
fi
for ns in $(ip netns list 2>/dev/null | awk '{print $1}' | grep -E '^ntl-'); do
  ip netns pids "$ns" 2>/dev/null | xargs -r kill -9 2>/dev/null
  ip netns del "$ns" 2>/dev/null
done
exit 0
