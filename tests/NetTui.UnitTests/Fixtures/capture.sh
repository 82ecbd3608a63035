#!/usr/bin/env bash
# Re-captures the fixtures in this folder from a real lab namespace (run as root).
# Everything happens in namespaces this script makes; the root namespace is not touched.
# Daemons (ovsdb-server, ovs-vswitchd, dockerd) run inside the namespace, are stopped by
# pid, and the namespaces and the state dir are removed on exit.
# The prefix is "ntc-", not the lab's "ntl-": the lab's sweep would remove it mid-capture.
# Note: the unit tests assert concrete values (names, ifindexes, uuids) of the current
# capture; a new capture needs them updated.
set -euo pipefail
# Optional argument: where to write (default: next to this script).
out=${1:-$(cd "$(dirname "$0")" && pwd)}
NS=ntc-$(head -c 3 /dev/urandom | od -An -tx1 | tr -d ' \n')
C=$NS-c
D=/tmp/nettui-capture/$NS
X="nsenter --net=/run/netns/$NS"
export OVS_RUNDIR=$D/ovs OVS_DBDIR=$D/ovs OVS_LOGDIR=$D/ovs OVS_SYSCONFDIR=$D/ovs DOCKER_HOST=unix://$D/docker.sock

cleanup() {
  set +e
  if [ -f "$D/docker/docker.pid" ]; then
    timeout 20 docker rm -f cct1 cct2 cct3 >/dev/null 2>&1
    p=$(cat "$D/docker/docker.pid"); kill "$p"
    for _ in $(seq 1 40); do kill -0 "$p" 2>/dev/null || break; sleep 0.25; done
  fi
  for f in "$D/ovs/ovs-vswitchd.pid" "$D/ovs/ovsdb-server.pid"; do [ -f "$f" ] && kill "$(cat "$f")"; done
  sleep 0.5
  grep -o " $D/[^ ]*" /proc/mounts | sort -r | while read -r m; do umount -l "$m"; done
  ip netns del "$NS" 2>/dev/null; ip netns del "$C" 2>/dev/null
  rm -rf "$D"; rmdir /tmp/nettui-capture 2>/dev/null
}
trap cleanup EXIT

mkdir -p "$D/ovs" "$D/docker/rootfs/bin" "$D/docker/rootfs/etc" "$D/docker/rootfs/proc" "$D/docker/rootfs/sys"
ip netns add "$NS"; ip netns add "$C"
$X ip link set lo up
$X ip link add br0 type bridge stp_state 1
$X ip link set br0 up
$X ip addr add 192.168.100.1/24 dev br0
$X ip addr add fd00:100::1/64 dev br0
for i in 1 2 3; do $X ip link add vp$i type veth peer name vc$i; done
$X ip link set vp1 master br0; $X ip link set vp2 master br0
$X ip link set vc1 netns "$C"
for l in vp1 vp2 vp3 vc2 vc3; do $X ip link set $l up; done
ip netns exec "$C" ip link set vc1 up
$X ip addr add 10.9.0.1/24 dev vp3
$X ip link add vx0 type vxlan id 42 dstport 4789 local 10.9.0.1
$X ip tuntap add dev tap7 mode tap
$X ip tuntap add dev tun7 mode tun
$X ip link add weave type bridge
$X ip link add vethwe-bridge type veth peer name vethwe-datapath
$X ip link set vethwe-bridge master weave
$X ip link set weave up
$X ip route add 10.20.0.0/16 via 192.168.100.254 metric 50
$X ip route add 10.30.0.0/16 via 10.9.0.2 table 100 proto static
$X ip route add default via 10.9.0.254 table 100 metric 10
$X ip -6 route add fd00:200::/64 via fd00:100::fe metric 300
$X ip -6 route add fd00:300::/64 dev br0 table 100

ovsdb-tool create "$D/ovs/conf.db" /usr/share/openvswitch/vswitch.ovsschema
$X ovsdb-server --remote=punix:"$D/ovs/db.sock" --remote=db:Open_vSwitch,Open_vSwitch,manager_options \
  --pidfile="$D/ovs/ovsdb-server.pid" --log-file="$D/ovs/ovsdb-server.log" --detach "$D/ovs/conf.db"
ovs-vsctl --no-wait init
$X ovs-vswitchd --pidfile="$D/ovs/ovs-vswitchd.pid" --log-file="$D/ovs/ovs-vswitchd.log" --detach unix:"$D/ovs/db.sock"
ovs-vsctl --timeout=10 add-br br-int -- set bridge br-int datapath_type=netdev
ovs-vsctl --timeout=10 add-br obr0 -- set bridge obr0 datapath_type=netdev
ovs-vsctl --timeout=10 add-port br-int gre0 -- set interface gre0 type=gre options:remote_ip=10.10.0.2 options:key=7
ovs-vsctl --timeout=10 add-port obr0 gre1 || true   # no type: the Interface error column is set
ovs-vsctl --timeout=10 add-port br-int p5 tag=10 -- set interface p5 type=internal
$X ip link set obr0 up
$X ip link set obr0 master br0

cp "$(command -v busybox)" "$D/docker/rootfs/bin/busybox"
for l in sh sleep ip ping cat hostname; do ln -sf busybox "$D/docker/rootfs/bin/$l"; done
echo '{ "bridge": "br0" }' > "$D/docker/daemon.json"
$X dockerd --data-root "$D/docker/data" --exec-root "$D/docker/exec" -H "$DOCKER_HOST" --pidfile "$D/docker/docker.pid" \
  --iptables=false --ip6tables=false --storage-driver=vfs --config-file "$D/docker/daemon.json" > "$D/docker/dockerd.log" 2>&1 &
for _ in $(seq 1 60); do docker version >/dev/null 2>&1 && break; sleep 0.5; done
tar -C "$D/docker/rootfs" -c . | docker import - local/busybox >/dev/null
docker run -d --name cct1 local/busybox sleep 3600 >/dev/null
docker run -d --name cct2 --link=cct1:webtest local/busybox sleep 3600 >/dev/null
docker create --name cct3 local/busybox sleep 1 >/dev/null
sleep 1

mkdir -p "$out/iproute2" "$out/ovs" "$out/docker"
$X ip -j -d link show > "$out/iproute2/link.json"
$X ip -j addr show > "$out/iproute2/addr.json"
$X ip -j -4 route show table all > "$out/iproute2/route4.json"
$X ip -j -6 route show table all > "$out/iproute2/route6.json"
$X bridge -j link show > "$out/iproute2/bridge-link.json"
$X ip -j netns list-id > "$out/iproute2/netns-list-id.json"
ovs-vsctl --format=json --timeout=5 list Open_vSwitch -- list Bridge -- list Port -- list Interface > "$out/ovs/list-all.json"
for t in Bridge Port Interface; do ovs-vsctl --format=json --timeout=5 list $t > "$out/ovs/list-${t,,}.json"; done
docker inspect cct1 cct2 cct3 > "$out/docker/inspect.json"
pid=$(docker inspect -f '{{.State.Pid}}' cct2)
nsenter --net=/proc/$pid/ns/net ip -j link show > "$out/docker/cct2-netns-link.json"
echo "captured into $out from $NS"
