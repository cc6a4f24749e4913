#!/usr/bin/env bash
# Builds the libFuzzer harnesses in Fuzz/Harnesses into Fuzz/.build/fuzz-<name>.
#
# A SwiftPM executable target cannot link a libFuzzer entry point, so each harness is
# compiled with swiftc together with every QuotidianReaders source file, as one module,
# against a QuotidianCore module built first (not instrumented).
#
#   Fuzz/build.sh            # all harnesses
#   Fuzz/build.sh MIME Feed  # some
#   SANITIZERS=fuzzer Fuzz/build.sh   # without AddressSanitizer (faster)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=Fuzz/.build
mkdir -p "$OUT"
SANITIZERS="${SANITIZERS:-fuzzer,address}"
FEATURES=(-enable-upcoming-feature InternalImportsByDefault -enable-upcoming-feature ExistentialAny)
XML_CFLAGS=$(pkg-config --cflags libxml-2.0)
CLANG_ARGS=()
for flag in $XML_CFLAGS; do CLANG_ARGS+=(-Xcc "$flag"); done

if [[ ! -f "$OUT/libQuotidianCore.a" || -n "$(find Sources/QuotidianCore -newer "$OUT/libQuotidianCore.a" -name '*.swift')" ]]; then
  echo "building QuotidianCore"
  mapfile -t CORE < <(find Sources/QuotidianCore -name '*.swift' | sort)
  swiftc -O -parse-as-library -module-name QuotidianCore "${FEATURES[@]}" \
    -emit-module -emit-module-path "$OUT/QuotidianCore.swiftmodule" \
    -emit-library -static -o "$OUT/libQuotidianCore.a" "${CORE[@]}"
fi

mapfile -t READERS < <(find Sources/QuotidianReaders -name '*.swift' | sort)
HARNESSES=("$@")
if [[ ${#HARNESSES[@]} -eq 0 ]]; then
  HARNESSES=()
  for file in Fuzz/Harnesses/Fuzz*.swift; do name=$(basename "$file" .swift); HARNESSES+=("${name#Fuzz}"); done
fi
for name in "${HARNESSES[@]}"; do
  echo "building fuzz-$name"
  swiftc -O -parse-as-library -sanitize="$SANITIZERS" -module-name QuotidianReaders "${FEATURES[@]}" \
    -I "$OUT" -L "$OUT" -lQuotidianCore \
    -I Sources/CLibXML2 -I Sources/CZlib "${CLANG_ARGS[@]}" -lxml2 -lz \
    "${READERS[@]}" "Fuzz/Harnesses/Fuzz$name.swift" -o "$OUT/fuzz-$name"
done
