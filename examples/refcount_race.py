# The GIL article's central claim, runnable: reference counts are plain integers, so two threads
# changing one count at once can lose an update; an object is then freed while still in use, and
# a later access touches freed memory.
#
# Several threads share a few objects and take and drop references to them as fast as they can:
# they read a shared object's attributes, bind shared list items to local names, and append them
# to and pop them from lists of their own and a shared one. Every one of those steps changes the
# count of a shared object.
#
#   ./interlock run --audit-refcounts examples/refcount_race.py
#       the GIL with plain counts: runs clean, the audit finds every count exact (so do
#       --lock nogil and --lock finegrained with their default managers, atomic and biased)
#   ./interlock run --lock nogil --memory plain --allow-unsafe examples/refcount_race.py
#       (or --lock finegrained --memory plain --allow-unsafe)
#       plain counts without a GIL: counts are corrupted, and Interlock stops the run with
#       "Fatal Python error: use after free ..." (or the audit reports the damage)
#
#   ./interlock run examples/refcount_race.py [THREADS] [ROUNDS]
import sys
import threading

THREADS = int(sys.argv[1]) if len(sys.argv) > 1 else 4
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 50_000


class Node:
    def __init__(self, name, items):
        self.name = name
        self.items = items


shared_items = [[i, str(i) * 3] for i in range(8)]
shared = Node("shared", shared_items)
queue = []
queue_lock = threading.Lock()


def worker(k):
    mine = []
    checked = 0
    for i in range(ROUNDS):
        node = shared                    # a new reference to the shared node
        items = node.items               # ... and to its list
        item = items[i % len(items)]     # ... and to one of its items
        mine.append(item)                # the item, stored in a list of this thread
        mine.append(node.name)
        if len(mine) > 16:
            mine.pop(0)                  # ... and given back
            mine.pop(0)
        with queue_lock:
            queue.append(item)
        with queue_lock:
            if queue:
                queue.pop()
        checked += len(item[1])          # reads the item: a freed one would be caught here
    mine.clear()
    results[k] = checked


results = [0] * THREADS
threads = [threading.Thread(target=worker, args=(k,)) for k in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()

expected = THREADS * ROUNDS * 3
total = sum(results)
print("%d threads x %d rounds: %d characters read, %s" % (
    THREADS, ROUNDS, total, "as expected" if total == expected else "expected %d" % expected))
print("shared objects intact:", shared.name == "shared" and len(shared.items) == 8 and not queue)
