# Throughput of a call-heavy CPU-bound loop on 2 threads against 1 thread, the same work per
# thread: every iteration loads a module-level function, calls it, and returns a new int. Without
# a GIL the threads share the function, its code and its globals, so this is where contended
# reference counts (and any other shared write on the call path) stop scaling. Rounds alternate 1
# and 2 threads after warm-up rounds, and the medians are compared.
#
#   python3 benchmarks/call_scaling.py [WORK] [ROUNDS]
#   ./interlock run --lock nogil benchmarks/call_scaling.py [WORK] [ROUNDS]
import sys
import threading
import time

WORK = int(sys.argv[1]) if len(sys.argv) > 1 else 500_000
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 7
WARMUP = 8


def step(x):
    return x + 1


def calls(n):
    i = 0
    while i < n:
        i = step(i)


def timed(threads):
    workers = [threading.Thread(target=calls, args=(WORK,)) for _ in range(threads)]
    start = time.perf_counter()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return time.perf_counter() - start


def median(values):
    values = sorted(values)
    middle = len(values) // 2
    return values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2


for _ in range(WARMUP):
    timed(1)
    timed(2)
ones = []
twos = []
for _ in range(ROUNDS):
    ones.append(timed(1))
    twos.append(timed(2))
one = median(ones)
two = median(twos)
print("1 thread : median %.3f s (min %.3f, max %.3f)" % (one, min(ones), max(ones)))
print("2 threads: median %.3f s (min %.3f, max %.3f)" % (two, min(twos), max(twos)))
print("throughput ratio (2 threads / 1 thread): %.2f" % (2 * one / two))
