# List and dict churn: each thread fills and empties containers of its own, allocating and
# freeing objects, and so exercising storage, reference counts and the allocator.


def setup(threads):
    return [0] * threads


def work(state, index, size):
    kept = 0
    rounds = size // 100
    for r in range(rounds):
        items = []
        table = {}
        for i in range(100):
            items.append(i)
            table[i] = items[-1] * 2
        for i in range(0, 100, 2):
            del table[i]
            items.pop()
        kept += len(items) + len(table)
    state[index] = kept


def check(state, threads, size):
    return all(k == (size // 100) * 100 for k in state)
