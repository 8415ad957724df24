"""Heap queue algorithm (a.k.a. priority queue).

A heap is a list in which heap[k] <= heap[2*k+1] and heap[k] <= heap[2*k+2] for every k with
those children, so heap[0] is always the smallest item. heappush, heappop, heapify,
heapreplace and heappushpop are native (module _heapq); merge, nlargest and nsmallest are
written here in Python.
"""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']

from _heapq import heappush, heappop, heapify, heapreplace, heappushpop
from _heapq import _heapify_max, _heappop_max, _heapreplace_max


def _siftdown(heap, startpos, pos):
    # Move heap[pos] towards the root (not past startpos) while it is smaller than its parent.
    item = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if not item < parent:
            break
        heap[pos] = parent
        pos = parentpos
    heap[pos] = item


def _siftup(heap, pos):
    # Move the smaller child up until a leaf is reached, then settle the old heap[pos] there.
    endpos = len(heap)
    startpos = pos
    item = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = item
    _siftdown(heap, startpos, pos)


def _siftdown_max(heap, startpos, pos):
    # _siftdown for a max-heap.
    item = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if not parent < item:
            break
        heap[pos] = parent
        pos = parentpos
    heap[pos] = item


def _siftup_max(heap, pos):
    # _siftup for a max-heap.
    endpos = len(heap)
    startpos = pos
    item = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[rightpos] < heap[childpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = item
    _siftdown_max(heap, startpos, pos)


def merge(*iterables, key=None, reverse=False):
    """Merge sorted inputs into one sorted iterator of all their items.

    Lazy: each input is read only as far as needed. Equal items come out in the order of the
    inputs they came from. key and reverse mean what they mean for sorted(), and the inputs
    must already be sorted that way.
    """
    if reverse:
        make_heap, pop_top, replace_top, step = _heapify_max, _heappop_max, _heapreplace_max, -1
    else:
        make_heap, pop_top, replace_top, step = heapify, heappop, heapreplace, 1

    # Each heap entry is [sort key, input position (breaks ties), item, iterator].
    entries = []
    position = 0
    for iterable in iterables:
        iterator = iter(iterable)
        for item in iterator:
            sort_key = item if key is None else key(item)
            entries.append([sort_key, position * step, item, iterator])
            break
        position += 1
    make_heap(entries)

    while len(entries) > 1:
        entry = entries[0]
        yield entry[2]
        iterator = entry[3]
        for item in iterator:
            entry[0] = item if key is None else key(item)
            entry[2] = item
            replace_top(entries, entry)
            break
        else:
            pop_top(entries)

    if entries:
        last = entries[0]
        yield last[2]
        yield from last[3]


def nsmallest(n, iterable, key=None):
    """The n smallest items of iterable, smallest first: sorted(iterable, key=key)[:n]."""
    if n == 1:
        missing = object()
        if key is None:
            smallest = min(iter(iterable), default=missing)
        else:
            smallest = min(iter(iterable), default=missing, key=key)
        return [] if smallest is missing else [smallest]

    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key)[:n]

    # Keep the n smallest seen so far in a max-heap, each with its arrival number so that
    # equal items keep their order and the items themselves are compared only by key.
    iterator = iter(iterable)
    if key is None:
        kept = [(item, count) for count, item in zip(range(n), iterator)]
        if not kept:
            return kept
        _heapify_max(kept)
        worst = kept[0][0]
        count = n
        for item in iterator:
            if item < worst:
                _heapreplace_max(kept, (item, count))
                worst = kept[0][0]
                count += 1
        kept.sort()
        return [entry[0] for entry in kept]

    kept = [(key(item), count, item) for count, item in zip(range(n), iterator)]
    if not kept:
        return kept
    _heapify_max(kept)
    worst = kept[0][0]
    count = n
    for item in iterator:
        k = key(item)
        if k < worst:
            _heapreplace_max(kept, (k, count, item))
            worst = kept[0][0]
            count += 1
    kept.sort()
    return [entry[2] for entry in kept]


def nlargest(n, iterable, key=None):
    """The n largest items of iterable, largest first: sorted(iterable, key=key, reverse=True)[:n]."""
    if n == 1:
        missing = object()
        if key is None:
            largest = max(iter(iterable), default=missing)
        else:
            largest = max(iter(iterable), default=missing, key=key)
        return [] if largest is missing else [largest]

    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=True)[:n]

    # Keep the n largest seen so far in a min-heap; arrival numbers count down, so that among
    # equal items the earlier one sorts as larger and comes first.
    iterator = iter(iterable)
    if key is None:
        kept = [(item, count) for count, item in zip(range(0, -n, -1), iterator)]
        if not kept:
            return kept
        heapify(kept)
        worst = kept[0][0]
        count = -n
        for item in iterator:
            if worst < item:
                heapreplace(kept, (item, count))
                worst = kept[0][0]
                count -= 1
        kept.sort(reverse=True)
        return [entry[0] for entry in kept]

    kept = [(key(item), count, item) for count, item in zip(range(0, -n, -1), iterator)]
    if not kept:
        return kept
    heapify(kept)
    worst = kept[0][0]
    count = -n
    for item in iterator:
        k = key(item)
        if worst < k:
            heapreplace(kept, (k, count, item))
            worst = kept[0][0]
            count -= 1
    kept.sort(reverse=True)
    return [entry[2] for entry in kept]
