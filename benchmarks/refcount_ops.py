# A single-thread loop that changes reference counts on nearly every instruction: mortal ints
# (beyond the small-int cache), a list appended to and popped, an instance's attributes read and
# written. It measures what counting costs per operation, e.g. with and without statistics.
# Prints the median time of ROUNDS runs after WARMUP runs, measured in-process.
#
#   python3 benchmarks/refcount_ops.py [N] [ROUNDS]
#   ./interlock run benchmarks/refcount_ops.py [N] [ROUNDS]
import sys
import time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 7
WARMUP = 3


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def work(n):
    p = Point(1000, 2000)
    items = []
    total = 0
    i = 0
    while i < n:
        items.append(p.x + i)
        items.append(p)
        q = items.pop()
        total += items.pop() - q.y
        p.x = i + 1000
        i += 1
    return total


times = []
for r in range(WARMUP + ROUNDS):
    start = time.perf_counter()
    result = work(N)
    elapsed = time.perf_counter() - start
    if r >= WARMUP:
        times.append(elapsed)
times.sort()
print("work(%d) = %d: median %.3f s (min %.3f, max %.3f)" % (N, result, times[len(times) // 2], times[0], times[-1]))
