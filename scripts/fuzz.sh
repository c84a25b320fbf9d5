#!/usr/bin/env bash
# Builds one libFuzzer target with AddressSanitizer and runs it for a while.
#
#   scripts/fuzz.sh TARGET SECONDS [extra libFuzzer flags...]
#
# TARGET is one of: line-parser, key-decoder, theme-parser, arguments, csv-import.
# The entry point is Tests/Fuzz/<Target>.swift; it is compiled into the module that owns
# the code it fuzzes (so internal types are reachable), with the modules that one
# depends on compiled beside it. The kept corpus is Tests/FuzzCorpus/TARGET: the run
# starts from a scratch copy of it, and the new inputs worth keeping are merged back
# minimized (-merge=1). A crash leaves its input in .build/fuzz/TARGET-artifacts/.
# See docs/RELIABILITY.md.
set -euo pipefail

usage() {
  echo "usage: scripts/fuzz.sh line-parser|key-decoder|theme-parser|arguments|csv-import SECONDS [flags]" >&2
  exit 2
}
[[ $# -ge 2 ]] || usage
target=$1
seconds=$2
shift 2
[[ $seconds =~ ^[0-9]+$ ]] || usage

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# Which module the entry point joins, and which modules that one imports.
case $target in
  line-parser) entry=LineParser; module=HandoffStore; deps=(HandoffText HandoffSystem HandoffModel); max_len=2048 ;;
  key-decoder) entry=KeyDecoder; module=HandoffTerminal; deps=(HandoffText); max_len=512 ;;
  theme-parser) entry=ThemeParser; module=HandoffTerminal; deps=(HandoffText); max_len=1024 ;;
  csv-import) entry=CSVImport; module=HandoffImport; deps=(HandoffText HandoffModel); max_len=4096 ;;
  arguments)
    entry=CLIArguments; module=HandoffCLI; max_len=512
    deps=(HandoffSystem HandoffText HandoffModel HandoffHost HandoffDemo HandoffStore HandoffTerminal HandoffTTY HandoffPresentation HandoffApp) ;;
  *) usage ;;
esac

out=.build/fuzz
mods=$out/modules
mkdir -p "$mods"
flags=(-sanitize=fuzzer,address -parse-as-library -O -package-name handoff -I "$mods")

sources() { find "Sources/$1" -name '*.swift' | sort; }

# A dependency: instrumented object and .swiftmodule, rebuilt when a source is newer.
objects=()
for dep in "${deps[@]}"; do
  obj=$mods/$dep.o
  if [[ ! -f $obj ]] || [[ -n $(find "Sources/$dep" -name '*.swift' -newer "$obj") ]]; then
    echo "fuzz: compiling $dep" >&2
    mapfile -t files < <(sources "$dep")
    swiftc "${flags[@]}" -module-name "$dep" -whole-module-optimization \
      -emit-module -emit-module-path "$mods/$dep.swiftmodule" -c "${files[@]}" -o "$obj"
  fi
  objects+=("$obj")
done

binary=$out/$target
echo "fuzz: compiling $target ($module + Tests/Fuzz/$entry.swift)" >&2
mapfile -t files < <(sources "$module")
swiftc "${flags[@]}" -module-name "$module" "${files[@]}" "Tests/Fuzz/$entry.swift" \
  "${objects[@]}" -o "$binary"

corpus=Tests/FuzzCorpus/$target
scratch=$out/$target-corpus
artifacts=$out/$target-artifacts
mkdir -p "$corpus" "$artifacts"
rm -rf "$scratch"
mkdir -p "$scratch"
cp -R "$corpus/." "$scratch/"

# Swift's own crash backtracer fights ASan for the crash; let libFuzzer report it.
export SWIFT_BACKTRACE=enable=no
echo "fuzz: running $target for ${seconds}s" >&2
status=0
"$binary" "$scratch" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$artifacts/" -print_final_stats=1 "$@" || status=$?

# Rebuild the kept corpus as the smallest set of inputs covering what the old one and this
# run reached (-merge=1 into an empty folder, by edges only so it stays a few hundred
# files), plus the named crash regressions.
merged=$out/$target-merged
rm -rf "$merged"
mkdir -p "$merged"
if "$binary" -merge=1 -use_counters=0 "$merged" "$corpus" "$scratch" >"$out/$target-merge.log" 2>&1; then
  find "$corpus" -type f ! -name 'crash-*' -delete
  cp "$merged"/* "$corpus/" 2>/dev/null || true
else
  echo "fuzz: merging the corpus failed; see $out/$target-merge.log" >&2
fi
echo "fuzz: $target corpus now has $(find "$corpus" -type f | wc -l) files" >&2
if [[ $status -ne 0 ]]; then
  echo "fuzz: $target FAILED (status $status); inputs in $artifacts" >&2
fi
exit $status
