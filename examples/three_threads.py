# Three CPU-bound threads, the picture of every GIL explanation: under the GIL they take turns,
# one switch interval at a time; without it they run at once. Draw it with:
#
#   ./interlock trace examples/three_threads.py --out gil.svg
#   ./interlock trace --lock nogil examples/three_threads.py --out nogil.svg
import sys
import threading

WORK = int(sys.argv[1]) if len(sys.argv) > 1 else 400_000


def spin(n):
    total = 0
    while n > 0:
        total += n % 3
        n -= 1
    return total


threads = [threading.Thread(target=spin, args=(WORK,), name="Thread %d" % (i + 1)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("done")
