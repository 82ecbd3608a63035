# Scale lab for the benchmark (sourced by bench/run.sh): one network namespace holding
# BENCH_VETHS veth pairs (half of them ports of a Linux bridge), BENCH_ROUTES IPv4 routes over
# several tables, an OVS netdev bridge with BENCH_OVS_PORTS veth ends as ports, and
# NetworkManager on a private D-Bus. Everything lives in the namespace and in $LAB_DIR;
# nothing touches the root namespace. Daemons are started by this script, recorded by pid
# file, and stopped by pid in lab_down (run.sh traps it on every exit).
#
# The state dir follows tests/lab-sweep.sh's convention (/tmp/nettui-lab/<ns>/owner holds
# the owning pid), so a concurrent `tests/run.sh` leaves this lab alone while we run and
# sweeps it if we were killed.

BENCH_VETHS=${BENCH_VETHS:-1000}
BENCH_ROUTES=${BENCH_ROUTES:-200000}
BENCH_OVS_PORTS=${BENCH_OVS_PORTS:-200}
BENCH_NM=${BENCH_NM:-1}

LAB_NS=ntl-bench-$(head -c4 /dev/urandom | od -An -tx1 | tr -d ' \n')
LAB_DIR=${NETTUI_LAB_DIR:-/tmp/nettui-lab}/$LAB_NS
LAB_BUS="unix:path=$LAB_DIR/nm/bus.sock"
LAB_OVS_DB="unix:$LAB_DIR/ovs/db.sock"

in_ns() { ip netns exec "$LAB_NS" "$@"; }
ovs_env() { env OVS_RUNDIR="$LAB_DIR/ovs" OVS_DBDIR="$LAB_DIR/ovs" OVS_LOGDIR="$LAB_DIR/ovs" OVS_SYSCONFDIR="$LAB_DIR/ovs" "$@"; }
now_ms() { date +%s%3N; }
step() { printf '  %-44s' "$1"; }
done_in() { echo "$(( $(now_ms) - $1 )) ms"; }

# Waits up to $1 seconds for the command after it to succeed.
wait_for() {
  local deadline=$(( $(date +%s) + $1 )); shift
  until "$@" >/dev/null 2>&1; do
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 0.1
  done
}

lab_up() {
  mkdir -p "$LAB_DIR/ovs" "$LAB_DIR/nm/conn"
  echo $$ > "$LAB_DIR/owner"
  ip netns add "$LAB_NS"
  in_ns ip link set lo up
  local t

  # Links: one batch. vbN is the host end (first half on the bridge), vpN its peer.
  t=$(now_ms); step "links ($BENCH_VETHS veth pairs, bridge)"
  {
    echo "link add br-bench type bridge"
    echo "link set br-bench up"
    echo "addr add 172.31.0.1/16 dev br-bench"
    for ((i = 0; i < BENCH_VETHS; i++)); do
      echo "link add vb$i type veth peer name vp$i"
      ((i < BENCH_VETHS / 2)) && echo "link set vb$i master br-bench"
      echo "link set vb$i up"
      echo "link set vp$i up"
    done
    # Addresses on a tenth of the unbridged ends: the address list is not trivial either.
    for ((i = BENCH_VETHS / 2; i < BENCH_VETHS; i += 10)); do
      echo "addr add 10.$((100 + i / 250)).$((i % 250)).1/24 dev vb$i"
    done
  } > "$LAB_DIR/links.batch"
  in_ns ip -batch "$LAB_DIR/links.batch"
  done_in "$t"

  # Routes: /32s spread over the main table and three numbered ones, via the unbridged ends.
  t=$(now_ms); step "routes ($BENCH_ROUTES over 4 tables)"
  local tables=(main 100 200 300) half=$((BENCH_VETHS / 2))
  for ((i = 0; i < BENCH_ROUTES; i++)); do
    printf 'route add 10.%d.%d.%d/32 dev vb%d table %s\n' $((i >> 16 & 63)) $((i >> 8 & 255)) $((i & 255)) \
      $((half + i % half)) "${tables[i % 4]}"
  done > "$LAB_DIR/routes.batch"
  in_ns ip -batch "$LAB_DIR/routes.batch"
  done_in "$t"

  # Open vSwitch, userspace datapath, its own database in $LAB_DIR/ovs (see LAB-NOTES).
  t=$(now_ms); step "OVS bridge ($BENCH_OVS_PORTS veth ends as ports)"
  ovs_env ovsdb-tool create "$LAB_DIR/ovs/conf.db" /usr/share/openvswitch/vswitch.ovsschema
  in_ns env OVS_RUNDIR="$LAB_DIR/ovs" ovsdb-server "$LAB_DIR/ovs/conf.db" --remote="punix:$LAB_DIR/ovs/db.sock" \
    --pidfile="$LAB_DIR/ovs/ovsdb-server.pid" --log-file="$LAB_DIR/ovs/ovsdb-server.log" --detach 2>/dev/null
  ovs_env ovs-vsctl --db="$LAB_OVS_DB" --no-wait init
  in_ns env OVS_RUNDIR="$LAB_DIR/ovs" ovs-vswitchd "$LAB_OVS_DB" --pidfile="$LAB_DIR/ovs/ovs-vswitchd.pid" \
    --log-file="$LAB_DIR/ovs/ovs-vswitchd.log" --detach 2>/dev/null
  local args=(--db="$LAB_OVS_DB" --timeout=120 add-br br-ovs -- set bridge br-ovs datapath_type=netdev)
  for ((i = 0; i < BENCH_OVS_PORTS; i++)); do args+=(-- add-port br-ovs "vp$((BENCH_VETHS - 1 - i))"); done
  ovs_env ovs-vsctl "${args[@]}"
  done_in "$t"

  [ "$BENCH_NM" = 1 ] && lab_nm_up
  return 0
}

# NetworkManager after the links and routes exist (it reads them once, not 200,000 events).
lab_nm_up() {
  # $1 namespace, $2 its subdirectory of $LAB_DIR, $3 how many devices NetworkManager must list when settled.
  local ns=${1:-$LAB_NS} dir=$LAB_DIR/${2:-nm} devices=${3:-$((2 * BENCH_VETHS))} t
  local bus="unix:path=$LAB_DIR/${2:-nm}/bus.sock"
  mkdir -p "$dir/conn"
  t=$(now_ms); step "NetworkManager on a private bus ($ns)"
  sed -e 's#<user>[^<]*</user>##' -e 's#<fork/>##' -e 's#<standard_system_servicedirs/>##' -e 's#<syslog/>##' \
      -e 's#<servicehelper>[^<]*</servicehelper>##' -e "s#<pidfile>[^<]*</pidfile>#<pidfile>$dir/dbus.pid</pidfile>#" \
      -e "s#<listen>[^<]*</listen>#<listen>unix:path=$dir/bus.sock</listen>#" \
      -e 's#<includedir>system.d</includedir>#<includedir>/usr/share/dbus-1/system.d</includedir>#' \
      /usr/share/dbus-1/system.conf > "$dir/bus.conf"
  # `ip netns exec` (not the in_ns function, which would fork a subshell) so $! is the daemon itself.
  ip netns exec "$ns" dbus-daemon --nofork --config-file="$dir/bus.conf" >"$dir/dbus.log" 2>&1 &
  echo $! > "$dir/dbus-daemon.pid"
  wait_for 15 test -S "$dir/bus.sock" || { echo "dbus-daemon did not start"; return 1; }
  cat > "$dir/nm.conf" <<EOF
[main]
plugins=keyfile
auth-polkit=false
hostname-mode=none
dns=none
rc-manager=unmanaged
no-auto-default=*

[keyfile]
path=$dir/conn

[logging]
level=WARN
EOF
  mkdir -p /run/NetworkManager /var/lib/NetworkManager
  DBUS_SYSTEM_BUS_ADDRESS=$bus ip netns exec "$ns" unshare -m -- sh -c \
    'mount -t tmpfs none /run/NetworkManager && mount -t tmpfs none /var/lib/NetworkManager && exec NetworkManager --no-daemon --config="$1"' \
    bench-nm "$dir/nm.conf" >"$dir/nm.log" 2>&1 &
  echo $! > "$dir/NetworkManager.pid"
  nm_running() { [ "$(DBUS_SYSTEM_BUS_ADDRESS=$bus ip netns exec "$ns" nmcli -t -f RUNNING general status 2>/dev/null)" = running ]; }
  wait_for 120 nm_running || { echo "NetworkManager did not answer"; tail -5 "$dir/nm.log"; return 1; }
  # Until NetworkManager has looked at every device, nmcli's answer is not the steady one.
  nm_settled() { [ "$(DBUS_SYSTEM_BUS_ADDRESS=$bus ip netns exec "$ns" nmcli -t -f DEVICE device | wc -l)" -ge "$devices" ]; }
  wait_for 120 nm_settled || echo -n "(NetworkManager lists fewer devices than links) "
  done_in "$t"
}

# Stops what lab_up started (by pid file, only if the pid is still ours), removes the namespace and the dir.
lab_down() {
  [ -n "${LAB_DIR:-}" ] && [ -d "$LAB_DIR" ] || return 0
  local f pid
  for f in "$LAB_DIR"/nm/NetworkManager.pid "$LAB_DIR"/nm/dbus-daemon.pid "$LAB_DIR"/nm-small/NetworkManager.pid "$LAB_DIR"/nm-small/dbus-daemon.pid "$LAB_DIR"/ovs/ovs-vswitchd.pid "$LAB_DIR"/ovs/ovsdb-server.pid; do
    pid=$(cat "$f" 2>/dev/null) || continue
    # The pid must still be a process of this lab (its command line names the lab dir), not a reused pid.
    if [ -d "/proc/$pid" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF "$LAB_DIR"; then
      kill "$pid" 2>/dev/null
      for _ in 1 2 3 4 5 6 7 8 9 10; do [ -d "/proc/$pid" ] || break; sleep 0.2; done
      kill -9 "$pid" 2>/dev/null
    fi
  done
  if [ -e "/run/netns/$LAB_NS" ]; then
    # Anything still inside the lab's namespace was started by this lab: end it, then the namespace.
    local ino p
    ino=$(stat -L -c %i "/run/netns/$LAB_NS")
    for p in /proc/[0-9]*; do
      [ "$(readlink "$p/ns/net" 2>/dev/null)" = "net:[$ino]" ] && kill -9 "${p#/proc/}" 2>/dev/null
    done
    ip netns del "$LAB_NS" 2>/dev/null
  fi
  rm -rf "$LAB_DIR"
}
