#!/usr/bin/env bash
# Builds the Debian package nettui_VERSION_amd64.deb from a native publish
# (packaging/publish-native.sh OUTDIR) and prints its path. VERSION is what the binary's
# --version says (the project's version, without the source revision). The files are laid
# out by packaging/install-tree.sh, the same script install.sh uses. Needs only dpkg-deb
# (dpkg) and readelf (binutils, which clang brings for the native build).
#   packaging/build-deb.sh NATIVE_DIR OUTDIR
set -euo pipefail
umask 022
cd "$(dirname "$0")/.."
native=${1:?usage: packaging/build-deb.sh NATIVE_DIR OUTDIR}
out=${2:?usage: packaging/build-deb.sh NATIVE_DIR OUTDIR}
die() { echo "build-deb: $*" >&2; exit 1; }
[ -x "$native/nettui" ] || die "$native/nettui is not an executable (run packaging/publish-native.sh first)"
command -v dpkg-deb >/dev/null || die "dpkg-deb is missing (package dpkg)"
command -v readelf >/dev/null || die "readelf is missing (package binutils)"

version=$("$native/nettui" --version)
version=${version%%+*}
[[ $version =~ ^[0-9][A-Za-z0-9.~]*$ ]] || die "'$version' (from nettui --version) is not a Debian version"

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
chmod 755 "$stage"
bash packaging/install-tree.sh "$native" "$stage" /usr

# The newest glibc symbol version any of our ELF files needs: libc6's lower bound.
glibc=$(find "$stage/usr/lib/nettui" -type f \( -name nettui -o -name '*.so' \) -exec readelf -V {} + \
  | grep -oE 'GLIBC_[0-9]+(\.[0-9]+)+' | sed 's/GLIBC_//' | sort -uV | tail -1)
[ -n "$glibc" ] || die "no glibc version found in the binaries (readelf -V)"

mkdir -p "$stage/usr/share/doc/nettui" "$stage/DEBIAN"
cat > "$stage/usr/share/doc/nettui/README" <<DOC
NetTui $version: a full-screen terminal network manager (nettui(8)).
Optional sources: Open vSwitch (openvswitch-switch), NetworkManager (network-manager),
Docker (docker.io); without them NetTui shows links, bridges and routes and says which
source is down.
DOC
cat > "$stage/DEBIAN/control" <<CONTROL
Package: nettui
Version: $version
Architecture: amd64
Maintainer: NetTui maintainers <nettui@localhost>
Installed-Size: $(du -sk --exclude=DEBIAN "$stage" | cut -f1)
Depends: libc6 (>= $glibc), iproute2
Recommends: openvswitch-switch, network-manager, docker.io
Section: net
Priority: optional
Description: full-screen terminal network manager for hosts with containers
 NetTui shows a Linux host's interfaces, Linux bridges and their ports, Open vSwitch
 bridges, ports and interfaces, routes in every table and Docker containers down to their
 host-side veth, and changes them through validated operations that show their commands
 first and verify the result. A native executable: it needs no .NET on the host.
CONTROL

mkdir -p "$out"
deb="$(cd "$out" && pwd)/nettui_${version}_amd64.deb"
dpkg-deb --root-owner-group -Zxz --build "$stage" "$deb" >/dev/null
echo "$deb"
