#!/usr/bin/env bash
# Builds NetTui in Release and installs the `nettui` command, plus the runtime tools it
# drives (iproute2). Starts no daemon. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")"
prefix=${PREFIX:-/usr/local}
libdir="$prefix/lib/nettui"
bindir="$prefix/bin"

die() { echo "install.sh: $*" >&2; exit 1; }
command -v dotnet >/dev/null || die "the .NET SDK (dotnet, 10.0 or newer) is required: https://learn.microsoft.com/dotnet/core/install/linux"
[ "$(id -u)" = 0 ] || die "run as root (it installs into $prefix and may install iproute2)"

if ! command -v ip >/dev/null || ! command -v bridge >/dev/null; then
  command -v apt-get >/dev/null || die "iproute2 is missing and apt-get is not available; install iproute2 first"
  # Never let a package start a daemon from here.
  [ -e /usr/sbin/policy-rc.d ] || { printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod 755 /usr/sbin/policy-rc.d; created_policy=1; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq iproute2 || die "could not install iproute2"
  [ -z "${created_policy:-}" ] || rm -f /usr/sbin/policy-rc.d
fi

echo "building NetTui (Release)..."
dotnet publish src/NetTui/NetTui.csproj -c Release -o "$libdir" -nologo -v q >/tmp/nettui-install.log 2>&1 \
  || { tail -20 /tmp/nettui-install.log >&2; die "build failed (full log: /tmp/nettui-install.log)"; }

mkdir -p "$bindir"
cat > "$bindir/nettui" <<SH
#!/bin/sh
exec "$libdir/nettui" "\$@"
SH
chmod 755 "$bindir/nettui"
echo "installed: $bindir/nettui ($("$bindir/nettui" --version 2>/dev/null || echo 'version unknown'))"
