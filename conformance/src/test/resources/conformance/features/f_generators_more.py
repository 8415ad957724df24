# tier: 1
# Generators beyond the corpus: closures in generator expressions, yield from with a
# return value, send/throw/close protocols, generators as class iterators.


def averager():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        if value is None:
            return total, count
        total += value
        count += 1
        average = total / count


def delegate(results):
    while True:
        result = yield from averager()
        results.append(result)


results = []
d = delegate(results)
next(d)
for v in [10, 20, 30]:
    print(d.send(v), end=" ")
d.send(None)
for v in [1, 2]:
    d.send(v)
d.send(None)
print(results)


def guarded():
    try:
        yield 1
        yield 2
    except ValueError as e:
        yield "caught " + str(e)
    finally:
        print("cleanup")


g = guarded()
print(next(g), g.throw(ValueError("boom")))
g.close()
g = guarded()
print(next(g))
del g
print("after del")

funcs = [lambda x, i=i: x * i for i in range(3)]
print([f(10) for f in funcs])
gens = [(x * i for x in range(3)) for i in range(3)]
print([list(g) for g in gens])


class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children

    def __iter__(self):
        yield self.value
        for child in self.children:
            yield from child


tree = Tree(1, Tree(2, Tree(3)), Tree(4, Tree(5), Tree(6)))
print(list(tree), sum(tree), 5 in tree)


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


it = fib()
print([next(it) for _ in range(10)], next(it))


def first_n(gen, n):
    for i, v in enumerate(gen):
        if i >= n:
            return
        yield v


print(list(first_n(fib(), 7)), list(first_n(iter([]), 3)))
g = (x for x in range(3))
print(list(g), list(g), next(g, "exhausted"))
try:
    next(x for x in [])
except StopIteration:
    print("StopIteration from an empty generator")


def bad():
    yield 1
    raise StopIteration("oops")


try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError:", e)
gen = (i for i in range(2))
print(type(gen).__name__, iter(gen) is gen, hasattr(gen, "send"))
