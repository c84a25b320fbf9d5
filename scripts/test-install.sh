#!/usr/bin/env bash
# The install test (.ci/run runs it after `swift test`): scripts/install.sh into a
# temporary prefix, then proof that the installed binary runs on a host without the
# Swift toolchain:
#   1. readelf: it needs only the system's C and C++ runtime libraries, and has no
#      RUNPATH or RPATH (nothing pointing into the toolchain);
#   2. ldd: every library it needs resolves, none of them a libswift*;
#   3. a copy in a clean folder runs with the toolchain's folder hidden (a private
#      mount namespace, `unshare -rm`, with an empty folder mounted over it): `--version`
#      and real commands on a temporary store.
# Takes a release build: several minutes on two cores. Prints the install time and size.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "test-install: FAIL: $*" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

start=$(date +%s)
scripts/install.sh --prefix "$work/prefix" </dev/null
seconds=$(( $(date +%s) - start ))
bin="$work/prefix/bin/handoff"
[ -x "$bin" ] || fail "install.sh did not install $bin"
echo "test-install: install.sh took ${seconds}s; the binary is $(( $(stat -c %s "$bin") / 1024 / 1024 )) MB"

# 1. What the binary asks the dynamic loader for.
allowed='^(libc|libm|libdl|libpthread|librt|libutil|libresolv|libgcc_s|libstdc\+\+|libz|ld-linux[-a-z0-9_]*)\.so(\.[0-9]+)*$'
needed=$(readelf -d "$bin" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
[ -n "$needed" ] || fail "readelf lists no NEEDED libraries (not a dynamic executable?)"
for lib in $needed; do
  [[ "$lib" =~ $allowed ]] || fail "the binary needs $lib, which is not a system C library"
done
# SwiftPM sets RUNPATH $ORIGIN (the binary's own folder): harmless. Anything else could
# point into the toolchain.
paths=$(readelf -d "$bin" | sed -n 's/.*(\(RUNPATH\|RPATH\)).*\[\(.*\)\]/\2/p')
for path in $(tr ':' ' ' <<<"$paths"); do
  [ "$path" = '$ORIGIN' ] || fail "the binary has RUNPATH/RPATH $path: it may look for libraries there"
done
echo "test-install: needs only $(echo $needed | tr ' ' ','); RUNPATH: ${paths:-none}"

# 2. Every one resolves, and none is Swift's.
ldd_out=$(ldd "$bin")
if grep -q "not found" <<<"$ldd_out"; then fail "ldd: a library is not found: $ldd_out"; fi
if grep -qi "swift" <<<"$ldd_out"; then fail "ldd: a Swift library is loaded: $ldd_out"; fi

# 3. A copy in a clean folder, the toolchain out of reach.
toolchain="$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")"   # /opt/swift/usr
clean="$work/clean"
mkdir -p "$clean/empty" "$clean/home"
cp "$bin" "$clean/handoff"
unshare -rm true 2>/dev/null \
  || fail "cannot make a private mount namespace (unshare -rm) to hide $toolchain"
cat > "$clean/run.sh" <<'RUN'
set -euo pipefail
cd "$CLEAN"
mount --bind "$CLEAN/empty" "$TOOLCHAIN"
[ -z "$(ls -A "$TOOLCHAIN")" ] || { echo "the toolchain is still visible" >&2; exit 1; }
export HOME="$CLEAN/home" PATH=/usr/bin:/bin HANDOFF_USER=maria
unset LD_LIBRARY_PATH XDG_CONFIG_HOME XDG_DATA_HOME HANDOFF_STORE
./handoff --version
store="$CLEAN/store.jsonl"
./handoff init --store "$store"
./handoff team add maria --dept marketing --name "Maria Lopez" --store "$store"
id=$(./handoff add --name "Ada Byron" --company "Analytical Ltd" --store "$store")
./handoff move "$id" mql --store "$store"
./handoff list --store "$store"
./handoff snapshot --width 80 --height 24 --store "$store" > snapshot.txt
grep -q "Ada Byron" snapshot.txt
RUN
out=$(env CLEAN="$clean" TOOLCHAIN="$toolchain" unshare -rm bash "$clean/run.sh" 2>&1) \
  || fail "the copy did not run without the toolchain: $out"
grep -q "^handoff " <<<"$out" || fail "no version line: $out"
commit="$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)"
grep -q "^handoff .*(commit $commit" <<<"$out" || fail "the version does not name commit $commit: $out"
git diff --quiet -- Sources/HandoffCLI/Support/BuildCommit.swift \
  || fail "install.sh did not put Sources/HandoffCLI/Support/BuildCommit.swift back"
grep -q "Ada Byron" <<<"$out" || fail "the lead is not listed: $out"
echo "$out" | sed 's/^/  /'
echo "test-install: ok (ran from $clean with $toolchain hidden)"
