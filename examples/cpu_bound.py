# CPU-bound work on several threads, each with its own share and no shared state: what a GIL
# serializes and what free threading runs in parallel. Prints only results, the same under
# every strategy, so `interlock compare` can check the output while it times the runs:
#
#   ./interlock compare examples/cpu_bound.py
import sys
import threading

THREADS = int(sys.argv[1]) if len(sys.argv) > 1 else 2
LIMIT = int(sys.argv[2]) if len(sys.argv) > 2 else 60_000


def collatz_steps(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def work(index, results):
    # Every thread does the same amount of work over its own range.
    start = 1 + index * LIMIT
    longest = (0, 0)
    for n in range(start, start + LIMIT):
        s = collatz_steps(n)
        if s > longest[0]:
            longest = (s, n)
    results[index] = longest


results = [None] * THREADS
threads = [threading.Thread(target=work, args=(i, results)) for i in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for i, (steps, n) in enumerate(results):
    print("thread %d: longest chain %d steps, from %d" % (i, steps, n))
