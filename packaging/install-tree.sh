#!/usr/bin/env bash
# Lays out a native publish (packaging/publish-native.sh OUTDIR) under DESTROOT/PREFIX, the
# one layout both install.sh (DESTROOT=/, PREFIX=/usr/local) and the .deb (a staging root,
# PREFIX=/usr) use:
#   PREFIX/lib/nettui/       the executable, the native libraries it loads (libe_sqlite3.so,
#                            libonigwrap.so) and its assets, which it finds next to itself
#   PREFIX/bin/nettui        a symlink to it
#   PREFIX/share/man/man8/nettui.8.gz, PREFIX/share/bash-completion/completions/nettui:
#                            written by that executable from its own command tree
# The library directory is replaced as a whole (new copy, then rename), so running it again,
# or over an older install that had other files, leaves exactly this publish's files.
#   packaging/install-tree.sh NATIVE_DIR DESTROOT PREFIX
set -euo pipefail
umask 022
native=${1:?usage: packaging/install-tree.sh NATIVE_DIR DESTROOT PREFIX}
root=${2:?usage}; prefix=${3:?usage}
[ -x "$native/nettui" ] || { echo "install-tree: $native/nettui is not an executable (run packaging/publish-native.sh first)" >&2; exit 1; }
base="${root%/}$prefix"
libdir="$base/lib/nettui"

mkdir -p "$base/lib" "$base/bin" "$base/share/man/man8" "$base/share/bash-completion/completions"
rm -rf "$libdir.new" "$libdir.old"
mkdir "$libdir.new"
# Debug symbols and the JIT build's .pdb files are not part of the program.
(cd "$native" && find . -type f ! -name '*.pdb' ! -name '*.dbg' -print0) |
  while IFS= read -r -d '' f; do
    mode=644; case $f in ./nettui|*.so) mode=755 ;; esac
    install -D -m "$mode" "$native/$f" "$libdir.new/$f"
  done
[ ! -e "$libdir" ] || mv "$libdir" "$libdir.old"
mv "$libdir.new" "$libdir"
rm -rf "$libdir.old"
ln -sfn ../lib/nettui/nettui "$base/bin/nettui"

"$libdir/nettui" __man | gzip -9n > "$base/share/man/man8/nettui.8.gz"
"$libdir/nettui" __bash-completion > "$base/share/bash-completion/completions/nettui"
