#!/usr/bin/env bash
# Re-captures Fixtures/firewall (run as root): dockerd with its iptables management ON in a
# fresh namespace writes its real DOCKER, DOCKER-USER, DOCKER-ISOLATION and MASQUERADE rules;
# the namespace's tables are then saved through every reader NetTui has. Nothing touches the
# root namespace; dockerd is stopped by pid; the namespaces and state dir go on exit.
# The prefix is "ntc-" (not the lab's "ntl-": the lab's sweep would remove it mid-capture).
set -euo pipefail
out=${1:-$(cd "$(dirname "$0")" && pwd)/firewall}
NS=ntc-$(head -c 3 /dev/urandom | od -An -tx1 | tr -d ' \n')
L=$NS-l
D=/tmp/nettui-capture/$NS
X="nsenter --net=/run/netns/$NS"
export DOCKER_HOST=unix://$D/docker.sock

cleanup() {
  set +e
  if [ -f "$D/docker/docker.pid" ]; then
    timeout 20 docker rm -f web app >/dev/null 2>&1
    p=$(cat "$D/docker/docker.pid"); kill "$p"
    for _ in $(seq 1 40); do kill -0 "$p" 2>/dev/null || break; sleep 0.25; done
  fi
  grep -o " $D/[^ ]*" /proc/mounts | sort -r | while read -r m; do umount -l "$m"; done
  ip netns del "$NS" 2>/dev/null; ip netns del "$L" 2>/dev/null
  rm -rf "$D"; rmdir /tmp/nettui-capture 2>/dev/null
}
trap cleanup EXIT

mkdir -p "$out" "$D/docker/rootfs/bin" "$D/docker/rootfs/etc" "$D/docker/rootfs/proc" "$D/docker/rootfs/sys" "$D/docker/rootfs/dev"
ip netns add "$NS"; ip netns add "$L"
$X ip link set lo up
$X ip link add eth0 type veth peer name eth0p
$X ip addr add 10.10.0.1/24 dev eth0
$X ip link set eth0 up
$X ip route add default via 10.10.0.254 dev eth0 onlink

cp "$(command -v busybox)" "$D/docker/rootfs/bin/busybox"
for l in sh sleep ip ping cat hostname nc; do ln -sf busybox "$D/docker/rootfs/bin/$l"; done
$X dockerd --data-root "$D/docker/data" --exec-root "$D/docker/exec" -H "$DOCKER_HOST" --pidfile "$D/docker/docker.pid" \
  --storage-driver=vfs > "$D/docker/dockerd.log" 2>&1 &
for _ in $(seq 1 120); do docker version >/dev/null 2>&1 && break; sleep 0.5; done
tar -C "$D/docker/rootfs" -c . | docker import - local/busybox >/dev/null
docker network create --subnet 172.30.0.0/24 --gateway 172.30.0.1 appnet >/dev/null
docker network create --internal --subnet 172.31.0.0/24 backnet >/dev/null
docker network create --subnet 172.29.0.0/24 -o com.docker.network.bridge.enable_icc=false \
  -o com.docker.network.bridge.enable_ip_masquerade=false -o com.docker.network.driver.mtu=1400 quiet >/dev/null
docker run -d --name web -p 8080:80 -p 127.0.0.1:5353:53/udp local/busybox sleep 3600 >/dev/null
docker run -d --name app --network appnet --link web:webalias local/busybox sleep 3600 >/dev/null
docker network connect --alias db backnet app
sleep 1

# As dockerd left it (iptables-nft: the nf_tables backend).
$X iptables-save > "$out/docker-nft.iptables-save"
$X nft -j list ruleset > "$out/docker-nft.nft.json"
$X iptables-legacy-save > "$out/docker-nft.legacy-empty.iptables-save"
# What the reader asks for (a prefix lists every key under it); br_netfilter loaded on this kernel.
$X sysctl net.ipv4.ip_forward net.ipv4.conf net.bridge > "$out/docker.sysctl.txt"
$X sysctl -w net.ipv4.ip_forward=0 >/dev/null
$X sysctl net.ipv4.ip_forward net.ipv4.conf net.bridge > "$out/forwarding-off.sysctl.txt"
$X sysctl -w net.ipv4.ip_forward=1 >/dev/null
# The admin's changes the trace looks for: a DROP in DOCKER-USER, MASQUERADE gone.
$X iptables -I DOCKER-USER -s 10.99.0.0/16 -o docker0 -j DROP
$X iptables -I DOCKER-USER -i eth0 -p tcp --dport 8080 -m conntrack --ctstate NEW -j REJECT
$X iptables -t nat -D POSTROUTING -s 172.30.0.0/24 ! -o br-$(docker network inspect -f '{{slice .Id 0 12}}' appnet) -j MASQUERADE
$X iptables-save > "$out/docker-user-drop.iptables-save"
$X nft -j list ruleset > "$out/docker-user-drop.nft.json"

# The same rules loaded through iptables-legacy in another namespace (a host whose iptables is legacy).
ip netns exec "$L" iptables-legacy-restore < "$out/docker-nft.iptables-save"
ip netns exec "$L" iptables-legacy-save > "$out/docker-legacy.iptables-save"
# Mixed: legacy rules present AND nf_tables rules present in one namespace.
ip netns exec "$L" iptables-nft -P FORWARD DROP
ip netns exec "$L" iptables-nft-save > "$out/mixed.nft-side.iptables-save"

# nftables native (no iptables): an inet filter forward chain, a masquerade, and a drop.
ip netns exec "$L" nft -f - <<'NFT'
table inet fw {
  chain forward {
    type filter hook forward priority filter; policy drop;
    ct state established,related accept
    iifname "br0" oifname "eth0" ip saddr 192.168.1.0/24 accept
    iifname "gre0" ip daddr 192.168.1.0/24 tcp dport 22 drop
    iifname "gre0" oifname "br0" accept
  }
  chain postrouting {
    type nat hook postrouting priority srcnat; policy accept;
    ip saddr 192.168.1.0/24 oifname "eth0" masquerade
  }
}
NFT
ip netns exec "$L" nft -j list table inet fw > "$out/native.nft.json"
docker network inspect bridge appnet backnet quiet > "$out/docker-networks.json"
docker inspect web app > "$out/docker-containers.json"
echo "captured into $out from $NS"
