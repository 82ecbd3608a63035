#!/usr/bin/env bash
# Builds the native (Native AOT, linux-x64) nettui into OUTDIR. Installs the native
# toolchain it needs (Debian's clang and zlib1g-dev) when missing, with daemons kept from
# starting. Used by install.sh, tests/run.sh and bench/run.sh, so all three run the same binary.
#   packaging/publish-native.sh OUTDIR [LOGFILE]
set -euo pipefail
umask 022
cd "$(dirname "$0")/.."
out=${1:?usage: packaging/publish-native.sh OUTDIR [LOGFILE]}
log=${2:-$(mktemp /tmp/nettui-publish.XXXXXX.log)}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

missing=()
command -v clang >/dev/null || missing+=(clang)
dpkg-query -W -f='${Status}' zlib1g-dev 2>/dev/null | grep -q 'install ok installed' || missing+=(zlib1g-dev)
if [ ${#missing[@]} -gt 0 ]; then
  command -v apt-get >/dev/null || { echo "publish-native: ${missing[*]} missing and no apt-get" >&2; exit 1; }
  [ "$(id -u)" = 0 ] || { echo "publish-native: ${missing[*]} missing; install them as root" >&2; exit 1; }
  if [ ! -e /usr/sbin/policy-rc.d ]; then printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod 755 /usr/sbin/policy-rc.d; fi
  echo "publish-native: installing ${missing[*]}"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >>"$log" 2>&1 \
    || { tail -5 "$log" >&2; echo "publish-native: apt-get install ${missing[*]} failed (log: $log)" >&2; exit 1; }
fi

dotnet publish src/NetTui/NetTui.csproj -c Release -r linux-x64 -p:PublishAot=true -o "$out" -nologo >>"$log" 2>&1 \
  || { grep -E 'error|warning (IL|AOT)' "$log" | sort -u | head -30 >&2; echo "publish-native: build failed (log: $log)" >&2; exit 1; }
rm -f "$out"/*.dbg
echo "$out/nettui"
