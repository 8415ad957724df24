# The race the GIL does not prevent: 4 threads x 20,000 unlocked `n += 1`.
#   ./interlock run examples/race.py                                   -> always 80000 (3.10+ check points)
#   ./interlock run -X check=instruction -X switchinterval=0.000001 examples/race.py
#                                                                      -> usually less: updates lost
#   ./interlock run examples/race.py --locked                          -> 80000 in every mode
import sys
import threading

THREADS = 4
ROUNDS = 20000
use_lock = "--locked" in sys.argv
lock = threading.Lock()
n = 0


def work():
    global n
    for _ in range(ROUNDS):
        if use_lock:
            with lock:
                n += 1
        else:
            n += 1


threads = [threading.Thread(target=work) for _ in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(n, "of", THREADS * ROUNDS, "(lost %d)" % (THREADS * ROUNDS - n))
