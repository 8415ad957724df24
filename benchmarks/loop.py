# A single-thread interpreter loop: arithmetic, a comparison and a jump per iteration.
# Prints the median time of ROUNDS runs after WARMUP runs, measured in-process.
#
#   python3 benchmarks/loop.py [N] [ROUNDS]
#   ./interlock run benchmarks/loop.py [N] [ROUNDS]
import sys
import time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 3_000_000
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 7
WARMUP = 3


def loop(n):
    total = 0
    i = 0
    while i < n:
        total += i * 2 % 7
        i += 1
    return total


times = []
for r in range(WARMUP + ROUNDS):
    start = time.perf_counter()
    result = loop(N)
    elapsed = time.perf_counter() - start
    if r >= WARMUP:
        times.append(elapsed)
times.sort()
print("loop(%d) = %d: median %.3f s (min %.3f, max %.3f)" % (N, result, times[len(times) // 2], times[0], times[-1]))
