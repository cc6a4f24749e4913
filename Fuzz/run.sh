#!/usr/bin/env bash
# Runs one libFuzzer harness built by Fuzz/build.sh, seeding its corpus from the format
# fixtures. Crashes are written to Fuzz/.build/artifacts-<name>/.
#
#   Fuzz/run.sh MIME 600      # ten minutes
set -euo pipefail
cd "$(dirname "$0")/.."
NAME="$1"
SECONDS_TO_RUN="${2:-600}"
OUT=Fuzz/.build
FIXTURES=Tests/QuotidianReadersTests/Fixtures/formats
CORPUS="$OUT/corpus-$NAME"
ARTIFACTS="$OUT/artifacts-$NAME"
mkdir -p "$CORPUS" "$ARTIFACTS"
case "$NAME" in
  MIME) cp -n "$FIXTURES"/*.eml "$FIXTURES"/*.mbox "$CORPUS"/ ;;
  Feed) cp -n "$FIXTURES"/*.xml "$FIXTURES"/*.json "$FIXTURES"/*.opml "$CORPUS"/ ;;
  WARC) cp -n "$FIXTURES"/*.warc* "$CORPUS"/ 2>/dev/null || true ;;
  HTML) find Tests -name "*.html" -size -256k -exec cp -n {} "$CORPUS"/ \; ;;
esac
exec "$OUT/fuzz-$NAME" "$CORPUS" -max_total_time="$SECONDS_TO_RUN" -max_len=65536 -timeout=10 \
  -rss_limit_mb=2048 -artifact_prefix="$ARTIFACTS/" -print_final_stats=1
