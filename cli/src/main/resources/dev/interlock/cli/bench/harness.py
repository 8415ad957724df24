# The harness of `interlock bench scaling`, appended to a workload that defines setup() and
# work(index, size). It times work() on 1, 2, 4... threads (the same size per thread, so perfect
# scaling keeps the time flat), warm-up rounds first, and prints one line per thread count:
#   threads N median SECONDS
# and finally "check OK" when the workload's own check passed.
import sys
import threading
import time

THREADS = [int(x) for x in sys.argv[1].split(",")]
SIZE = int(sys.argv[2])
ROUNDS = int(sys.argv[3])
WARMUP = int(sys.argv[4])


def timed(n):
    state = setup(n)
    workers = [threading.Thread(target=work, args=(state, i, SIZE)) for i in range(n)]
    start = time.perf_counter()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    elapsed = time.perf_counter() - start
    if not check(state, n, SIZE):
        print("check FAILED with %d threads" % n)
    return elapsed


def median(values):
    values = sorted(values)
    m = len(values) // 2
    return values[m] if len(values) % 2 else (values[m - 1] + values[m]) / 2


for _ in range(WARMUP):
    for n in THREADS:
        timed(n)
times = {n: [] for n in THREADS}
for _ in range(ROUNDS):
    for n in THREADS:
        times[n].append(timed(n))
for n in THREADS:
    print("threads %d median %.6f" % (n, median(times[n])))
print("check OK")
