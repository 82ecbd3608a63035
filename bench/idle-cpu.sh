#!/usr/bin/env bash
# The TUI's idle CPU (issue 23): the real nettui in tmux against a small lab host running
# Open vSwitch, NetworkManager (private D-Bus) and dockerd with one container, all in a lab
# namespace. Nothing is typed for IDLE_SECONDS (default 60) and utime+stime of the nettui
# process is read from /proc/PID/stat before and after; then `v` turns the traffic columns on
# and it is measured again. Children (ovs-vsctl, ip...) are counted apart (cutime+cstime:
# processes nettui started and reaped in the window). Targets: < 1% of a core with the
# columns off, < 3% with them on. Root only; stops what it started by pid and removes the
# namespace on any exit.
#   bash bench/idle-cpu.sh              (builds the native binary into bench/out unless BENCH_SKIP_BUILD=1)
#   NETTUI=/path/to/nettui bash bench/idle-cpu.sh
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" = 0 ] || { echo "bench/idle-cpu.sh: run as root (lab namespaces)"; exit 2; }
IDLE_SECONDS=${IDLE_SECONDS:-60}
SETTLE_SECONDS=${SETTLE_SECONDS:-10}
BENCH_VETHS=${BENCH_VETHS:-4} BENCH_ROUTES=${BENCH_ROUTES:-20} BENCH_OVS_PORTS=${BENCH_OVS_PORTS:-2} BENCH_NM=1
source bench/lab.sh
source bench/tmux.sh

if [ -z "${NETTUI:-}" ]; then
  [ "${BENCH_SKIP_BUILD:-0}" = 1 ] || bash packaging/publish-native.sh bench/out >/dev/null
  NETTUI=$PWD/bench/out/nettui
fi

docker_up() {
  local d=$LAB_DIR/docker t
  mkdir -p "$d/rootfs/bin" "$d/rootfs/etc" "$d/rootfs/proc" "$d/rootfs/sys"
  t=$(now_ms); step "dockerd + one busybox container"
  nsenter --net="/run/netns/$LAB_NS" dockerd --data-root "$d/data" --exec-root "$d/exec" -H "unix://$d/docker.sock" \
    --pidfile "$d/docker.pid" --iptables=false --ip6tables=false --storage-driver=vfs >"$d/dockerd.log" 2>&1 &
  echo $! > "$d/dockerd.bench-pid"
  wait_for 60 env DOCKER_HOST="unix://$d/docker.sock" docker version || { echo "dockerd did not answer"; return 1; }
  cp /bin/busybox "$d/rootfs/bin/busybox"
  for l in sh sleep; do ln -sf busybox "$d/rootfs/bin/$l"; done
  tar -C "$d/rootfs" -c . | DOCKER_HOST="unix://$d/docker.sock" docker import - local/busybox >/dev/null
  DOCKER_HOST="unix://$d/docker.sock" docker run -d --name idle1 local/busybox sleep 3600 >/dev/null
  done_in "$t"
}

docker_down() {
  local d=${LAB_DIR:-}/docker pid
  [ -n "${LAB_DIR:-}" ] && [ -f "$d/dockerd.bench-pid" ] || return 0
  pid=$(cat "$d/dockerd.bench-pid")
  if [ -d "/proc/$pid" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF "$LAB_DIR"; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do [ -d "/proc/$pid" ] || break; sleep 0.2; done
  fi
  # dockerd's leftover mounts under the lab dir (netns bind mounts), deepest first.
  awk -v dir="$LAB_DIR" 'index($2, dir) == 1 {print $2}' /proc/mounts | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
}

cleanup() { tmux_stop; docker_down; lab_down; }
trap cleanup EXIT

echo "lab: $LAB_NS"
lab_up
docker_up

# utime+stime and cutime+cstime (clock ticks) of a pid.
cpu_ticks() { awk '{print $14 + $15, $16 + $17}' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)

measure() {
  local pid=$1 label=$2 a b
  sleep "$SETTLE_SECONDS"
  read -r a ac < <(cpu_ticks "$pid")
  sleep "$IDLE_SECONDS"
  read -r b bc < <(cpu_ticks "$pid")
  awk -v s="$((b - a))" -v c="$((bc - ac))" -v hz="$hz" -v t="$IDLE_SECONDS" -v label="$label" \
    'BEGIN { printf "  %-36s %6.2f%% of a core (nettui)   %6.2f%% (its children)\n", label, 100 * s / hz / t, 100 * c / hz / t }'
}

step "nettui first screen"
NETTUI_EXTRA_ENV="DOCKER_HOST=unix://$LAB_DIR/docker/docker.sock OVS_RUNDIR=$LAB_DIR/ovs NETTUI_LOG=$LAB_DIR/nettui.log"
tm kill-server 2>/dev/null || true
t0=$(now_ms)
tm new-session -d -s bench -x 200 -y 50 \
  "exec env $NETTUI_EXTRA_ENV DBUS_SYSTEM_BUS_ADDRESS=$LAB_BUS NETTUI_HISTORY=$LAB_DIR/history.db TERM=xterm-256color $NETTUI --netns $LAB_NS --ovs-db $LAB_OVS_DB"
echo "$(wait_screen "$t0" "NetworkManager ok" 60) ms"
screen_text | sed -n 2p | cut -c1-100
pid=$(tmux_pid)
echo "idle CPU over ${IDLE_SECONDS} s after ${SETTLE_SECONDS} s settling (nettui pid $pid, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)):"
measure "$pid" "traffic columns off (target < 1%)"
tm send-keys -t bench v
measure "$pid" "traffic columns on (target < 3%)"
