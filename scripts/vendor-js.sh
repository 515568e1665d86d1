#!/usr/bin/env bash
# Fetches the QR decoder the gates' check-in page falls back on (browsers without a native
# BarcodeDetector, e.g. Chromium on Linux, Firefox, Safari < 17) from the npm registry, at the
# pinned versions, checks the WebAssembly file against the digest the library itself expects,
# and copies both into tickets/static/tickets/vendor/. Run it only to change the versions; the
# copied files are committed, so neither `make run` nor a gate's tablet needs npm or a CDN.
set -euo pipefail
cd "$(dirname "$0")/.."
DETECTOR=barcode-detector@3.2.2   # ZXing-C++ WebAssembly behind the standard BarcodeDetector API
WASM=zxing-wasm@3.1.3             # the reader build barcode-detector 3.2.2 was made against
out=tickets/static/tickets/vendor
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$DETECTOR" "$WASM" >/dev/null && for f in *.tgz; do mkdir "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done)
detector_dir=$(ls -d "$work"/barcode-detector-*/package)
wasm_dir=$(ls -d "$work"/zxing-wasm-*/package)
# The library carries the SHA-256 of the reader build it was made against (its ZXING_WASM_SHA256).
expected=$(grep -o '"[0-9a-f]\{64\}"' "$detector_dir/dist/es/zxing-exported.js" | tr -d '"' | head -n1)
actual=$(sha256sum "$wasm_dir/dist/reader/zxing_reader.wasm" | cut -d' ' -f1)
if [ "$expected" != "$actual" ]; then
  echo "zxing_reader.wasm does not match the digest $DETECTOR expects ($expected, got $actual)" >&2
  exit 1
fi
mkdir -p "$out"
cp "$detector_dir/dist/iife/ponyfill.js" "$out/barcode-detector.js"
cp "$detector_dir/LICENSE" "$out/LICENSE-barcode-detector"
cp "$wasm_dir/dist/reader/zxing_reader.wasm" "$out/zxing_reader.wasm"
cp "$wasm_dir/LICENSE" "$out/LICENSE-zxing-wasm"
printf '%s\n%s\nsha256 %s  zxing_reader.wasm\n' "$DETECTOR" "$WASM" "$actual" > "$out/VERSIONS"
echo "Copied $DETECTOR and $WASM into $out"
