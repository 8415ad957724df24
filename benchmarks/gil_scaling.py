# Throughput of a CPU-bound function on 2 threads against 1 thread, the same work per thread.
# Under a GIL the threads take turns, so 2 threads do 2x the work in about 2x the time: the
# throughput ratio (2 * t1 / t2) is about 1.0. Rounds alternate 1 and 2 threads after warm-up
# rounds (which let a JIT compile the interpreter), and the medians are compared.
#
#   python3 benchmarks/gil_scaling.py [WORK] [ROUNDS]
#   ./interlock run benchmarks/gil_scaling.py [WORK] [ROUNDS]
import sys
import threading
import time

WORK = int(sys.argv[1]) if len(sys.argv) > 1 else 2_000_000
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 7
WARMUP = 3


def countdown(n):
    while n > 0:
        n -= 1


def timed(threads):
    workers = [threading.Thread(target=countdown, args=(WORK,)) for _ in range(threads)]
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
