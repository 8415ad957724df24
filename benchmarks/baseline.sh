#!/usr/bin/env sh
# The baseline figures of README.md, measured side by side in one run: the GIL's 2-thread /
# 1-thread throughput ratio under Interlock and CPython, and a single-thread loop under both.
#
#   benchmarks/baseline.sh [PYTHON]      (PYTHON defaults to python3)
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
python=${1:-python3}
"$root/interlock" strategies >/dev/null # builds the jar first, outside the measurements
echo "== CPU-bound threads under the GIL (benchmarks/gil_scaling.py)"
echo "-- interlock --lock gil"
"$root/interlock" run --lock gil "$root/benchmarks/gil_scaling.py"
echo "-- $python ($("$python" -c 'import sys; print(sys.version.split()[0])'))"
"$python" "$root/benchmarks/gil_scaling.py"
echo
echo "== Single-thread loop (benchmarks/loop.py)"
echo "-- interlock --lock gil"
"$root/interlock" run --lock gil "$root/benchmarks/loop.py"
echo "-- $python"
"$python" "$root/benchmarks/loop.py"
