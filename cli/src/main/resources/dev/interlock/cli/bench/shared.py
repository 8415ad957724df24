# A shared container: every thread appends to one list and counts into one dict. Under a GIL
# this is safe and serial; without one the container itself must be safe for concurrent use,
# and its lock (or its atomics) is where the threads meet.


def setup(threads):
    return {"items": [], "counts": {}}


def work(state, index, size):
    items = state["items"]
    counts = state["counts"]
    key = "t%d" % index
    counts[key] = 0
    for i in range(size // 4):
        items.append(i)
        counts[key] = counts[key] + 1


def check(state, threads, size):
    return len(state["items"]) == threads * (size // 4) and all(
        state["counts"]["t%d" % i] == size // 4 for i in range(threads))
