#!/usr/bin/env sh
# Writes the expected results of Interlock's own conformance programs with CPython 3.11
# (conformance/src/test/resources/conformance/features): NAME.out always, and for programs that
# exit non-zero NAME.err (the last line of stderr) and NAME.rc, the format of the shared corpus.
#
#   conformance/make_expected.sh [PYTHON]      (PYTHON defaults to python3, which must be 3.11)
set -e
python=${1:-python3}
"$python" -c 'import sys; assert sys.version_info[:2] == (3, 11), sys.version' || {
  echo "make_expected.sh: needs CPython 3.11" >&2; exit 2; }
dir=$(cd "$(dirname "$0")/src/test/resources/conformance/features" && pwd)
cd "$dir"
for py in *.py; do
  name=${py%.py}
  rm -f "$name.err" "$name.rc"
  set +e
  "$python" "$py" > "$name.out" 2> "$name.stderr"
  rc=$?
  set -e
  if [ "$rc" -ne 0 ]; then
    tail -n 1 "$name.stderr" > "$name.err"
    echo "$rc" > "$name.rc"
  fi
  rm -f "$name.stderr"
  echo "$name: exit $rc"
done
