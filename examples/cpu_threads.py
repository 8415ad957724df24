# CPU-bound work on 1 and then 2 threads, the same work per thread. Under the GIL
# the two threads take twice as long as one: they take turns, they do not overlap.
import sys
import threading
import time

WORK = int(sys.argv[1]) if len(sys.argv) > 1 else 2_000_000


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


countdown(WORK // 4)  # warm up
one = timed(1)
two = timed(2)
print("1 thread : %.3f s" % one)
print("2 threads: %.3f s" % two)
print("throughput ratio (2 threads / 1 thread): %.2f" % (2 * one / two))
