#!/usr/bin/env bash
# Safety net for speed work: dump the built CLI's `align --json` (and `check --json`) over every case of the
# dev, dev23 and real sets and the bundled corpus, and `pair --json` over the pairing collections and the
# corpus, into one directory. Dump before and after a change and compare the two with `diff -r`:
#
#   bash bench/dump-outputs.sh /tmp/before      # (after `npm run build`)
#   ...change, build...
#   bash bench/dump-outputs.sh /tmp/after && diff -r /tmp/before /tmp/after && echo identical
#
# BITEXT_SHARED points at the data folder when it is not ../shared beside the repository.
set -euo pipefail
out=${1:?usage: dump-outputs.sh OUT_DIR}
here=$(cd "$(dirname "$0")/.." && pwd)
shared=$(cd "${BITEXT_SHARED:-$here/../shared}" && pwd)
cli="$here/dist/cli.js"
mkdir -p "$out"
list() { # list of "ru<TAB>en" for every case directory under $1
  for d in "$1"/*/; do [ -f "$d/ru.txt" ] && printf '%s\t%s\n' "$d/ru.txt" "$d/en.txt"; done
}
for set in dev/cases dev23/cases real/pairs; do
  name=${set%%/*}
  list "$shared/$set" > "$out/$name.list"
  # One JSON line per pair; exit code 3 (a refused case such as a same-language pair) is part of the output.
  node "$cli" align --pairs "$out/$name.list" --json --no-progress > "$out/$name.align.jsonl" 2> "$out/$name.align.err" || echo "exit $?" >> "$out/$name.align.err"
  node "$cli" check --pairs "$out/$name.list" --json --no-progress > "$out/$name.check.jsonl" 2> "$out/$name.check.err" || echo "exit $?" >> "$out/$name.check.err"
  rm "$out/$name.list"
done
for coll in dev/pairing/docs real/collection/docs; do
  name=$(echo "$coll" | tr / _)
  node "$cli" pair "$shared/$coll" --json --no-progress > "$out/$name.pair.json" 2> "$out/$name.pair.err" || echo "exit $?" >> "$out/$name.pair.err"
done
node "$cli" pair "$here/corpus" --json --no-progress > "$out/corpus.pair.json" 2> "$out/corpus.pair.err" || echo "exit $?" >> "$out/corpus.pair.err"
for a in "$here"/corpus/*.txt; do for b in "$here"/corpus/*.txt; do
  [ "$a" \< "$b" ] || continue
  n="corpus.$(basename "$a" .txt)--$(basename "$b" .txt)"
  node "$cli" align "$a" "$b" --json > "$out/$n.align.json" 2> "$out/$n.align.err" || echo "exit $?" >> "$out/$n.align.err"
done; done
# One large pair (about 2 MB, development cases in turn): the DP's band widening, long groups, big exports.
node -e '
const fs = require("fs"), path = require("path");
const dir = path.join(process.argv[1], "dev/cases");
const cases = fs.readdirSync(dir).filter((d) => fs.existsSync(path.join(dir, d, "ru.txt"))).sort();
const ru = [], en = []; let bytes = 0;
for (let k = 0; bytes < 2e6; k++) {
  const c = path.join(dir, cases[k % cases.length]);
  const r = fs.readFileSync(path.join(c, "ru.txt"), "utf8").trim(), e = fs.readFileSync(path.join(c, "en.txt"), "utf8").trim();
  ru.push(r); en.push(e); bytes += Buffer.byteLength(r) + Buffer.byteLength(e);
}
fs.writeFileSync(path.join(process.argv[2], "big.ru.txt"), ru.join("\n\n"));
fs.writeFileSync(path.join(process.argv[2], "big.en.txt"), en.join("\n\n"));
' "$shared" "$out"
node "$cli" align "$out/big.ru.txt" "$out/big.en.txt" --json > "$out/big.align.json" 2> "$out/big.align.err" || echo "exit $?" >> "$out/big.align.err"
node "$cli" check "$out/big.ru.txt" "$out/big.en.txt" --json > "$out/big.check.json" 2> "$out/big.check.err" || echo "exit $?" >> "$out/big.check.err"
rm "$out/big.ru.txt" "$out/big.en.txt"
npx tsx "$here/bench/dump-anchors.ts" "$shared" "$here" > "$out/anchors.jsonl"
# Paths differ between worktrees: make them relative.
sed -i "s#$out#OUT#g; s#$shared#SHARED#g; s#$here#REPO#g" "$out"/*
ls "$out" | wc -l
