# Shared steps of the studio's scripts: install what is missing (registries only) and build the site.
# Sourced by .ci/serve and .ci/run; every step is idempotent and cheap when already done.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Compiled crates live outside the clone, so a fresh clone on the same machine reuses them.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/audiobook-studio/target}"
# Incremental compilation only pays off when editing; in scripts it fills the disk (15 GB+).
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
WASM_BINDGEN_VERSION=0.2.130
export PATH="$HOME/.cargo/bin:$ROOT/end2end/node_modules/.bin:$PATH"

step() { printf '\n==> %s\n' "$*"; }

install_system_packages() {
  local missing=()
  for pair in chromium:chromium espeak-ng:espeak-ng ffmpeg:ffmpeg pdftotext:poppler-utils pg_ctlcluster:postgresql node:nodejs npm:npm; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || missing+=("${pair##*:}")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    step "apt-get install ${missing[*]}"
    local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# moto, an S3-compatible server from PyPI, in its own virtualenv: the audio-bucket tests' S3.
MOTO_VERSION=5.2.6
MOTO_VENV="$HOME/.cache/audiobook-studio/moto-$MOTO_VERSION"
install_s3_server() {
  if [ ! -x "$MOTO_VENV/bin/moto_server" ]; then
    if ! python3 -c 'import ensurepip' >/dev/null 2>&1; then
      step "apt-get install python3-venv"
      local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
      $sudo apt-get update -qq
      DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-venv >/dev/null
    fi
    step "pip install moto $MOTO_VERSION (an S3-compatible server for the tests, once)"
    rm -rf "$MOTO_VENV"
    python3 -m venv "$MOTO_VENV"
    "$MOTO_VENV/bin/pip" install -q --disable-pip-version-check "moto[server,s3]==$MOTO_VERSION"
  fi
}

# start_s3_server PORT BUCKET: moto on 127.0.0.1:PORT with an empty BUCKET; its pid in MOTO_PID.
start_s3_server() {
  local port="$1" bucket="$2"
  "$MOTO_VENV/bin/moto_server" -H 127.0.0.1 -p "$port" >"$(mktemp)" 2>&1 &
  MOTO_PID=$!
  "$MOTO_VENV/bin/python" - "$port" "$bucket" <<'PY'
import sys, time, urllib.request
port, bucket = sys.argv[1], sys.argv[2]
for _ in range(150):
    try:
        urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{port}/{bucket}", method="PUT"))
        sys.exit(0)
    except OSError:
        time.sleep(0.2)
sys.exit(f"moto did not answer on port {port}")
PY
}

install_rust_tools() {
  rustup target list --installed | grep -q wasm32-unknown-unknown \
    || { step "rustup target add wasm32-unknown-unknown"; rustup target add wasm32-unknown-unknown; }
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
    # No --locked: its lock file pins a crate missing from the registry index (see README).
    step "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 5 minutes, once)"
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
}

install_node_packages() {
  if [ ! -d "$ROOT/end2end/node_modules/@playwright/test" ] || [ ! -d "$ROOT/end2end/node_modules/binaryen" ]; then
    step "npm ci (Playwright and binaryen's wasm-opt, from the npm registry)"
    (cd "$ROOT/end2end" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# build_site debug|release: the hydrate bundle into target/site/pkg and the server binary.
build_site() {
  local mode="$1" site="$CARGO_TARGET_DIR/site"
  mkdir -p "$site/pkg"
  if [ "$mode" = release ]; then
    step "build the browser bundle (wasm, release)"
    cargo build -p app --lib --target wasm32-unknown-unknown --no-default-features --features hydrate --profile wasm-release
    wasm-bindgen --target web --no-typescript --out-dir "$site/pkg" --out-name studio \
      "$CARGO_TARGET_DIR/wasm32-unknown-unknown/wasm-release/app.wasm"
    wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
      "$site/pkg/studio_bg.wasm" -o "$site/pkg/studio_bg.wasm"
    step "build the server (release)"
    cargo build -p server --release
  else
    step "build the browser bundle (wasm, debug)"
    cargo build -p app --lib --target wasm32-unknown-unknown --no-default-features --features hydrate
    wasm-bindgen --target web --no-typescript --out-dir "$site/pkg" --out-name studio \
      "$CARGO_TARGET_DIR/wasm32-unknown-unknown/debug/app.wasm"
    step "build the server (debug)"
    cargo build -p server
  fi
  cp "$ROOT/style/main.css" "$site/pkg/studio.css"
  cp -r "$ROOT/public/." "$site/"
  name_by_content "$site"
  precompress "$mode" "$site"/pkg/studio.*.{js,wasm,css}
}

# name_by_content SITE: renames the bundle and stylesheet that were just built in SITE/pkg after a
# hash of their contents (studio.<hash>.js, studio.<hash>.wasm, studio.<hash>.css), writes the
# hashes to SITE/hash.txt, where the server reads the names, and removes the files of older
# builds. A browser may keep such a name forever: new contents always come under a new name.
name_by_content() {
  local site="$1" kind file hash hashes="" keep=()
  for pair in js:studio.js wasm:studio_bg.wasm css:studio.css; do
    kind="${pair%%:*}" file="${pair#*:}"
    hash="$(sha256sum "$site/pkg/$file" | cut -c1-16)"
    mv -f "$site/pkg/$file" "$site/pkg/studio.$hash.$kind"
    hashes+="$kind: $hash"$'\n'
    keep+=("studio.$hash.$kind")
  done
  for file in "$site"/pkg/studio*; do
    local name="${file##*/}" current=false
    for kept in "${keep[@]}"; do [[ "$name" == "$kept" || "$name" == "$kept".* ]] && current=true; done
    $current || rm -f "$file"
  done
  printf '%s' "$hashes" > "$site/hash.txt"
}

# precompress debug|release FILE...: a brotli (.br) and a gzip (.gz) copy beside each file, which
# the server sends to a browser that accepts it (brotli at its best setting for release).
precompress() {
  local quality=5
  [ "$1" = release ] && quality=11
  shift
  for file in "$@"; do
    gzip -9 -k -f "$file"
    node -e 'const fs = require("fs"), zlib = require("zlib"), [file, q] = process.argv.slice(1);
      fs.writeFileSync(file + ".br", zlib.brotliCompressSync(fs.readFileSync(file),
        { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: Number(q) } }));' "$file" "$quality"
  done
}
