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
    # Every thread does the same work: the same numbers, each thread on its own objects. (A
    # range per thread would not be the same work: chains grow with n, so of two 200,000-number
    # ranges the second takes 12.6% more steps, and 2 threads would take 1.13x 1 thread's time
    # even with perfect scaling.)
    longest = (0, 0)
    for n in range(1, LIMIT + 1):
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
