#!/usr/bin/env bash
# The whole test suite: installs what the tests drive, builds, runs every test project,
# and ends with one line "N passed, N failed, N skipped". Exit code 0 only if all passed.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

need_root() { [ "$(id -u)" = 0 ] || { echo "tests/run.sh: the lab needs root (network namespaces)" >&2; exit 2; }; }
need_root

packages=(iproute2 openvswitch-switch network-manager dbus docker.io busybox-static bridge-utils iputils-ping tmux net-tools jq tcpdump)
# Persistence backends (issue 24): ifupdown (its postinst only writes /etc/network/interfaces).
packages+=(ifupdown)
# netplan (issue 24): `netplan generate` checks and renders NetTui's 90-nettui.yaml (no maintainer scripts).
packages+=(netplan.io)
# Fleet export (issue 16): Debian's ansible (ansible-core plus community.general and openvswitch.openvswitch).
packages+=(ansible)
missing=()
# Packaging tests (issue 13): a minimal Debian root, groff to check the man page, readelf for the .deb.
packages+=(debootstrap groff-base binutils)
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  # Packages must not start their daemons in the root namespace: that could cut this
  # machine off (NetworkManager would take over eth0). policy-rc.d exit 101 forbids it.
  if [ ! -x /usr/sbin/policy-rc.d ] || ! grep -q 'exit 101' /usr/sbin/policy-rc.d; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d
  fi
  echo "installing test prerequisites: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/tmp/nettui-apt.log 2>&1 \
    || { echo "apt-get install failed, see /tmp/nettui-apt.log" >&2; tail -5 /tmp/nettui-apt.log >&2; echo "0 passed, 1 failed"; exit 1; }
fi

# Leftovers of an earlier, killed run: lab namespaces and the daemons it started (by pid file).
bash tests/lab-sweep.sh || true

# The root network namespace, canonical: link identity and config, addresses, routes of all
# tables. Counters, lifetimes and carrier are left out (they change by themselves). The
# tests must leave all of this exactly as it was (the lab works only in its namespaces).
root_netstate() {
  {
    ip -j link show | jq -r '.[] | "link \(.ifindex) \(.ifname) \(.link_type) \(.address) mtu=\(.mtu) master=\(.master) up=\(.flags | any(. == "UP"))"'
    ip -j addr show | jq -r '.[] | .ifname as $n | (.addr_info // [])[] | "addr \($n) \(.family) \(.local)/\(.prefixlen) \(.scope)"'
    ip -j -4 route show table all | jq -r '.[] | del(.expires, .flags) | "route4 \(tojson)"'
    ip -j -6 route show table all | jq -r '.[] | del(.expires, .flags) | "route6 \(tojson)"'
    echo "sysctl ip_forward=$(cat /proc/sys/net/ipv4/ip_forward) ipv6_forwarding=$(cat /proc/sys/net/ipv6/conf/all/forwarding)"
  } | sort
}
root_before=$(mktemp); root_after=$(mktemp)
root_netstate > "$root_before"
if ! grep -q '^link ' "$root_before"; then
  echo "cannot read the root namespace's links (ip -j / jq); refusing to run the lab blind"; echo "0 passed, 1 failed"; exit 1
fi

dotnet build NetTui.sln -c Release -nologo -v q > /tmp/nettui-build.log 2>&1
build_rc=$?
grep -E ' error ' /tmp/nettui-build.log | sort -u | head -30
if [ "$build_rc" != 0 ]; then
  echo "build failed (exit $build_rc), see /tmp/nettui-build.log"; echo "0 passed, 1 failed"; exit 1
fi

# The lab and tmux tests drive the native binary (NETTUI_BIN), the program admins run, so an
# AOT break (a missing JSON context, a trimmed member) fails here. Built once, outside the
# tracked tree; publish-native.sh installs clang and zlib1g-dev when missing.
native_dir="$PWD/artifacts/native"
rm -rf "$native_dir"; : > /tmp/nettui-publish.log
if ! bash packaging/publish-native.sh "$native_dir" /tmp/nettui-publish.log >/dev/null; then
  echo "native publish failed, see /tmp/nettui-publish.log"; echo "0 passed, 1 failed"; exit 1
fi
export NETTUI_BIN="$native_dir/nettui"

passed=0; failed=0; skipped=0; status=0
results=$(mktemp -d)
# --- packaging (issue 13): the .deb tests/NetTui.PackageTests installs, built once ---------
# From the native publish the lab tests use (NETTUI_BIN's directory); published here only
# if no step above did.
[ -z "${NETTUI_BIN:-}" ] || NETTUI_NATIVE_DIR=${NETTUI_NATIVE_DIR:-$(dirname "$NETTUI_BIN")}
if [ -z "${NETTUI_NATIVE_DIR:-}" ]; then
  NETTUI_NATIVE_DIR=$PWD/artifacts/native
  bash packaging/publish-native.sh "$NETTUI_NATIVE_DIR" >/dev/null || { echo "native publish failed"; echo "0 passed, 1 failed"; exit 1; }
fi
deb_log=$(mktemp /tmp/nettui-deb.XXXXXX.log)
NETTUI_DEB=$(bash packaging/build-deb.sh "$NETTUI_NATIVE_DIR" artifacts 2>"$deb_log") \
  || { cat "$deb_log"; echo "building the .deb failed"; echo "0 passed, 1 failed"; exit 1; }
export NETTUI_NATIVE_DIR NETTUI_DEB
echo "package: $NETTUI_DEB ($(du -h "$NETTUI_DEB" | cut -f1))"
# --- end packaging ----------------------------------------------------------------------

for proj in tests/*/*.csproj; do
  grep -q '<OutputType>Exe</OutputType>' "$proj" || continue
  name=$(basename "$proj" .csproj)
  echo "=== $name"
  dotnet test --project "$proj" -c Release --no-build 2>&1 | tee "$results/$name.log"
  rc=${PIPESTATUS[0]}
  # Microsoft.Testing.Platform prints a summary block: total/failed/succeeded/skipped.
  p=$(grep -E '^\s+succeeded:' "$results/$name.log" | tail -1 | grep -oE '[0-9]+')
  f=$(grep -E '^\s+failed:' "$results/$name.log" | tail -1 | grep -oE '[0-9]+')
  s=$(grep -E '^\s+skipped:' "$results/$name.log" | tail -1 | grep -oE '[0-9]+')
  if [ -z "$p" ] && [ -z "$f" ]; then f=1; p=0; echo "$name: no test summary (crashed?)"; fi
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0}))
  [ "$rc" = 0 ] || status=1
done
bash tests/lab-sweep.sh || true
root_netstate > "$root_after"
if ! diff -u "$root_before" "$root_after" > /tmp/nettui-root-diff.txt; then
  echo "ROOT NETWORK NAMESPACE CHANGED during the test run (- before, + after):"
  grep -E '^[-+][^-+]' /tmp/nettui-root-diff.txt
  failed=$((failed + 1))
fi
[ "$failed" = 0 ] || status=1
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
