# Pure arithmetic: each thread loops over integers with its own locals. Nothing is shared, so
# only a global lock keeps the threads from running in parallel.


def setup(threads):
    return [0] * threads


def work(state, index, size):
    total = 0
    i = 0
    while i < size:
        total += (i * i) % 7
        i += 1
    state[index] = total


def check(state, threads, size):
    expected = sum((i * i) % 7 for i in range(size))
    return all(t == expected for t in state)
