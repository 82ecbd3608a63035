#!/usr/bin/env bash
# Builds the native nettui (Native AOT; installs clang and zlib1g-dev with apt when missing)
# and installs it with the runtime tools it drives (iproute2): the program and its native
# libraries in PREFIX/lib/nettui, the command PREFIX/bin/nettui, its man page and bash
# completion. Also builds the Debian package for servers (artifacts/nettui_VERSION_amd64.deb)
# and prints its path. Run as root (no sudo needed); starts no daemon; safe to run again.
set -euo pipefail
umask 022
cd "$(dirname "$0")"
prefix=${PREFIX:-/usr/local}

die() { echo "install.sh: $*" >&2; exit 1; }
command -v dotnet >/dev/null || die "the .NET SDK (dotnet, 10.0 or newer) is needed to build: https://learn.microsoft.com/dotnet/core/install/linux (the servers you copy the .deb to need no .NET)"
[ "$(id -u)" = 0 ] || die "run as root (it installs into $prefix and may install packages with apt)"
log=$(mktemp /tmp/nettui-install.XXXXXX.log)

if ! command -v ip >/dev/null || ! command -v bridge >/dev/null; then
  command -v apt-get >/dev/null || die "iproute2 is missing and apt-get is not available; install iproute2 first"
  # Never let a package start a daemon from here.
  [ -e /usr/sbin/policy-rc.d ] || { printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod 755 /usr/sbin/policy-rc.d; created_policy=1; }
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq iproute2; } >>"$log" 2>&1 || die "could not install iproute2 (log: $log)"
  [ -z "${created_policy:-}" ] || rm -f /usr/sbin/policy-rc.d
fi

echo "building the native nettui (a minute or two; log: $log)..."
native=$(mktemp -d /tmp/nettui-native.XXXXXX)
trap 'rm -rf "$native"' EXIT
bash packaging/publish-native.sh "$native" "$log" >/dev/null || die "build failed (log: $log)"

bash packaging/install-tree.sh "$native" / "$prefix" >>"$log" 2>&1 || die "install failed (log: $log)"
echo "installed: $prefix/bin/nettui ($("$prefix/bin/nettui" --version)), man nettui, bash completion"

deb=$(bash packaging/build-deb.sh "$native" artifacts 2>>"$log") || die "building the .deb failed (log: $log)"
echo "package for servers: $deb"
echo "  copy it to a server and run there (as root): apt install ./$(basename "$deb")"
