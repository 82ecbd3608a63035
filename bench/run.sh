#!/usr/bin/env bash
# NetTui at scale, side by side with iproute2, nmcli and nmtui (issues 9 and 13). One command, as root:
#   bash bench/run.sh            # full scale: 1,000 veth pairs, 200,000 routes, 200 OVS ports, NetworkManager
#   BENCH_RUNS=3 BENCH_VETHS=100 BENCH_ROUTES=20000 BENCH_OVS_PORTS=20 bash bench/run.sh   # a quick try
#   BENCH_SKIP_BUILD=1 ...        # reuse bench/out from the last run
# Needs what tests/run.sh installs (iproute2, openvswitch-switch, network-manager, dbus, tmux).
# Builds Release, makes a lab namespace ntl-bench-*, measures, prints a table, writes
# bench/results/latest.json, and always removes the namespace and stops the daemons it started.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
RUNS=${BENCH_RUNS:-5}

[ "$(id -u)" = 0 ] || { echo "bench/run.sh: needs root (network namespaces)" >&2; exit 2; }
for tool in ip bridge ovs-vsctl ovsdb-server ovs-vswitchd NetworkManager nmcli dbus-daemon tmux dotnet /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench/run.sh: $tool missing (run tests/run.sh once to install the prerequisites)" >&2; exit 2; }
done

OUT=$PWD/bench/out
RES=$PWD/bench/results/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$RES"
if [ "${BENCH_SKIP_BUILD:-0}" = 1 ] && [ -x "$OUT/nettui/nettui" ] && [ -x "$OUT/bench/NetTui.Bench" ]; then
  echo "using the existing build in $OUT (BENCH_SKIP_BUILD=1)"
else
  echo "building the native binary (as install.sh and tests/run.sh do: packaging/publish-native.sh)..."
  bash packaging/publish-native.sh "$OUT/nettui" "$RES/build.log" >/dev/null &&
    dotnet build bench/NetTui.Bench/NetTui.Bench.csproj -c Release -o "$OUT/bench" -nologo -v q >> "$RES/build.log" 2>&1 ||
    { tail -20 "$RES/build.log"; echo "bench/run.sh: build failed" >&2; exit 1; }
fi
NETTUI=$OUT/nettui/nettui
BENCH=$OUT/bench/NetTui.Bench

source bench/lab.sh
source bench/tmux.sh
cleanup() { tmux_stop; lab_down; }
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "scale lab $LAB_NS:"
lab_up || exit 1
LINKS=$(in_ns ip -o link show | wc -l)
ROUTES4=$(in_ns ip -4 route show table all | wc -l)
ROUTES6=$(in_ns ip -6 route show table all | wc -l)
echo "  $LINKS links, $ROUTES4 IPv4 + $ROUTES6 IPv6 routes"
{ echo "links=$LINKS"; echo "routes4=$ROUTES4"; echo "routes6=$ROUTES6"; echo "runs=$RUNS"
  echo "cpus=$(nproc)"; echo "kernel=$(uname -r)"; echo "load_before=$(cut -d' ' -f1-3 /proc/loadavg)"; } > "$RES/meta.txt"

# A small host: three veth pairs, nothing else (first screens and show on a small host, issue 13).
SMALL_NS=$LAB_NS-s
ip netns add "$SMALL_NS"
for i in 0 1 2; do ip -n "$SMALL_NS" link add "s$i" type veth peer name "t$i"; done
SMALL_LINKS=$(ip -n "$SMALL_NS" -o link show | wc -l)
# The small host has its own NetworkManager (nmtui's first screen grows with the devices it
# lists: on the scale bus it took 5 s), so nettui and nmtui are compared on a small host's bus.
SMALL_BUS="unix:path=$LAB_DIR/nm-small/bus.sock"
if [ "$BENCH_NM" = 1 ]; then lab_nm_up "$SMALL_NS" nm-small 6 || exit 1; fi
cleanup() { tmux_stop; ip netns del "$SMALL_NS" 2>/dev/null; lab_down; }

# --- external commands: median wall time and peak RSS of each, round-robin so load drifts hit all alike
# Each command is a name and a shell snippet; stdout goes to /dev/null (nettui's to the same place).
declare -A CMD
CMD[floor_issue]="in_ns sh -c 'ip -j -d link show; ip -j addr show; ip -j route show table all'"
# Exactly what nettui reads for 'show all': the issue's three plus IPv6 routes, bridge ports, peer netns ids, OVSDB.
CMD[floor_same_reads]="in_ns sh -c 'ip -j -d link show; ip -j addr show; ip -j -4 route show table all; ip -j -6 route show table all; bridge -j link show; ip -j netns list-id'; ovs-vsctl --format=json --db=$LAB_OVS_DB list Open_vSwitch -- list Bridge -- list Port -- list Interface"
CMD[nettui_show_all]="DBUS_SYSTEM_BUS_ADDRESS=$LAB_BUS $NETTUI show --json all --netns $LAB_NS --ovs-db $LAB_OVS_DB"
# The same, with routes from `ip -j route` instead of netlink (what netlink saves).
CMD[nettui_show_all_ipjson]="NETTUI_ROUTE_SOURCE=ip DBUS_SYSTEM_BUS_ADDRESS=$LAB_BUS $NETTUI show --json all --netns $LAB_NS --ovs-db $LAB_OVS_DB"
CMD[nettui_show_links]="DBUS_SYSTEM_BUS_ADDRESS=$LAB_BUS $NETTUI show links --json --netns $LAB_NS --ovs-db $LAB_OVS_DB"
CMD[nmcli_device]="DBUS_SYSTEM_BUS_ADDRESS=$LAB_BUS nmcli -t device"
# The small host: the issue's floor there, nettui's answer, and the native binary's bare start.
CMD[floor_small]="ip netns exec $SMALL_NS sh -c 'ip -j -d link show; ip -j addr show; ip -j route show table all'"
CMD[nettui_show_all_small]="DBUS_SYSTEM_BUS_ADDRESS=$SMALL_BUS $NETTUI show --json all --netns $SMALL_NS --ovs-db $LAB_OVS_DB"
CMD[nettui_version]="$NETTUI --version"
ORDER=(floor_issue floor_same_reads nettui_show_all nettui_show_all_ipjson nettui_show_links nmcli_device floor_small nettui_show_all_small nettui_version)

run_once() { # name -> appends "ms rss_kb" to $RES/name.samples
  local name=$1 t0 t1
  t0=$(date +%s%N)
  /usr/bin/time -f %M -o "$RES/$name.rss" bash -c "$(declare -f in_ns); LAB_NS=$LAB_NS; ${CMD[$name]}" >/dev/null 2>>"$RES/$name.stderr"
  t1=$(date +%s%N)
  echo "$(( (t1 - t0) / 1000 )) $(tail -1 "$RES/$name.rss")" >> "$RES/$name.samples"
}
echo "commands ($RUNS runs each after one warm-up, round-robin):"
for name in "${ORDER[@]}"; do run_once "$name"; rm -f "$RES/$name.samples"; done
for ((r = 0; r < RUNS; r++)); do for name in "${ORDER[@]}"; do run_once "$name"; done; done
for name in "${ORDER[@]}"; do printf '  %-20s %s\n' "$name" "$(sort -n "$RES/$name.samples" | awk '{a[NR]=$1} END {printf "median %.0f ms", a[int((NR+1)/2)]/1000}')"; done
# The bash -c wrapper is in every sample alike; peak RSS is the largest process of the command.

# --- the TUI in tmux (real binary, real terminal; coarse)
echo "TUI in tmux:"
: > "$RES/tui_tmux.samples"
for ((r = 0; r < RUNS; r++)); do
  first=$(tmux_start "$LAB_NS" "$LINKS rows")
  # Once the start-up reads are done (no "refreshing" in the header), filter to a name that
  # does not exist yet, then add it from outside: time until it is drawn.
  limit=$(( $(now_ms) + 30000 ))
  while screen_text | grep -q refreshing && [ "$(now_ms)" -lt "$limit" ]; do sleep 0.05; done
  tm send-keys -t bench / b n e w "$r" Enter; sleep 0.5
  t0=$(now_ms); in_ns ip link add "bnew${r}a" type veth peer name "bnew${r}b"
  live=$(wait_screen "$t0" "bnew${r}a" 10)
  rss=$(tmux_peak_rss_kb)
  in_ns ip link del "bnew${r}a" # the next run's first screen expects $LINKS rows again
  echo "$first $live $rss" >> "$RES/tui_tmux.samples"
  tmux_stop
  echo "  run $r: first screen $first ms, live update $live ms, peak RSS ${rss} kB"
done

# --- the small host: nettui's first screen, and nmtui's on the same bus (the peer of issue 13), alternating
: > "$RES/tui_small_tmux.samples"; : > "$RES/nmtui_small_tmux.samples"
for ((r = 0; r < RUNS; r++)); do
  first=$(tmux_start "$SMALL_NS" "$SMALL_LINKS rows" "$SMALL_BUS")
  echo "$first" >> "$RES/tui_small_tmux.samples"
  tmux_stop
  first=$(tmux_start_nmtui "$SMALL_BUS")
  echo "$first" >> "$RES/nmtui_small_tmux.samples"
  tmux_stop
done
ip netns del "$SMALL_NS"
echo "  small host first screen: nettui $(sort -n "$RES/tui_small_tmux.samples" | tr '\n' ' ')ms; nmtui $(sort -n "$RES/nmtui_small_tmux.samples" | tr '\n' ' ')ms"

# --- in-process: TUI keypress -> redraw over the real inventory, and the micro benchmarks
# The tools' output in the scale namespace, for the micro benchmarks (route4.json is the ~19 MB dump).
D=$LAB_DIR/dumps; mkdir -p "$D"
in_ns ip -j -d link show > "$D/link.json"; in_ns ip -j addr show > "$D/addr.json"
in_ns bridge -j link show > "$D/bridge-link.json"; in_ns ip -j netns list-id > "$D/netns-list-id.json"
in_ns ip -j -4 route show table all > "$D/route4.json"; in_ns ip -j -6 route show table all > "$D/route6.json"
ovs-vsctl --format=json --db="$LAB_OVS_DB" list Open_vSwitch -- list Bridge -- list Port -- list Interface > "$D/ovs.json"
echo "in-process (NetTui.Bench):"
"$BENCH" parity --netns "$LAB_NS" --dumps "$D"
DBUS_SYSTEM_BUS_ADDRESS=$LAB_BUS "$BENCH" tui --netns "$LAB_NS" --ovs-db "$LAB_OVS_DB" --runs "$RUNS" --out "$RES/tui_inproc.json" || echo "  (tui harness failed)"
"$BENCH" micro --dumps "$D" --runs "$RUNS" --out "$RES/micro.json" || echo "  (micro benchmarks failed)"
"$BENCH" counters --netns "$LAB_NS" --runs "$RUNS" --out "$RES/counters.json" || echo "  (counters benchmark failed)"

echo "load_after=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$RES/meta.txt"
"$BENCH" report --dir "$RES" --json "$PWD/bench/results/latest.json"
