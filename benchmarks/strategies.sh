#!/usr/bin/env sh
# The strategies side by side in one run: each round runs benchmarks/loop.py (single-thread
# time) and benchmarks/gil_scaling.py (2-thread / 1-thread throughput) under each strategy in
# turn (gil, nogil, finegrained by default; LOCKS="gil ticket" to choose), each in a fresh JVM;
# the rounds alternate, so that load from elsewhere on the machine falls on all alike. Prints
# every figure, then the median over the rounds and each strategy's single-thread time over gil's.
#
#   benchmarks/strategies.sh [ROUNDS] [LOOP_N] [SCALING_WORK]
#
# Defaults: 5 rounds, loop(3,000,000), countdown(2,000,000) (the programs' own defaults). Each
# program itself reports the median of 7 timed rounds after 3 warm-up rounds.
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
rounds=${1:-5}
loop_n=${2:-3000000}
work=${3:-2000000}
locks=${LOCKS:-gil nogil finegrained}
"$root/interlock" strategies >/dev/null # builds the jar first, outside the measurements
out=$(mktemp)
trap 'rm -f "$out"' EXIT

median() { # the median of the numbers on stdin
    sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

i=1
while [ "$i" -le "$rounds" ]; do
    for lock in $locks; do
        loop=$("$root/interlock" run --lock "$lock" "$root/benchmarks/loop.py" "$loop_n" | sed -n 's/.*median \([0-9.]*\) s.*/\1/p')
        scaling=$("$root/interlock" run --lock "$lock" "$root/benchmarks/gil_scaling.py" "$work")
        one=$(echo "$scaling" | sed -n 's/^1 thread : median \([0-9.]*\) s.*/\1/p')
        two=$(echo "$scaling" | sed -n 's/^2 threads: median \([0-9.]*\) s.*/\1/p')
        ratio=$(echo "$scaling" | sed -n 's/^throughput ratio.*: \([0-9.]*\)$/\1/p')
        printf 'round %d  %-12s loop %s s   countdown 1 thread %s s, 2 threads %s s, ratio %s\n' "$i" "$lock" "$loop" "$one" "$two" "$ratio"
        echo "$lock $loop $one $two $ratio" >>"$out"
    done
    i=$((i + 1))
done

echo
echo "medians over $rounds rounds (load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown))"
for lock in $locks; do
    loop=$(awk -v l="$lock" '$1 == l { print $2 }' "$out" | median)
    one=$(awk -v l="$lock" '$1 == l { print $3 }' "$out" | median)
    ratio=$(awk -v l="$lock" '$1 == l { print $5 }' "$out" | median)
    printf '  %-12s loop %s s   countdown 1 thread %s s   2-thread / 1-thread throughput %s\n' "$lock" "$loop" "$one" "$ratio"
done
gil_loop=$(awk '$1 == "gil" { print $2 }' "$out" | median)
for lock in $locks; do
    [ "$lock" = gil ] && continue
    l=$(awk -v l="$lock" '$1 == l { print $2 }' "$out" | median)
    echo "  single-thread time, $lock / gil (loop.py): $(awk -v a="$l" -v b="$gil_loop" 'BEGIN { printf "%.3f", a / b }')"
done
