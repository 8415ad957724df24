# tier: 1
# Builtins and the iteration protocol beyond the corpus.
print(sorted([3, 1, 2], reverse=True), sorted("bca"), sorted({"b": 1, "a": 2}), sorted([(2, "b"), (1, "z")], key=lambda t: t[1]))
print(min(3, 1, 2), max("apple", "fig", key=len), min([], default=None), max([1, 5, 3]), min((2, "x"), (1, "y")))
print(list(zip("abc", [1, 2])), list(zip()), dict(zip(["a", "b"], [1, 2])), list(enumerate([], 5)))
print(list(map(pow, [2, 3], [3, 2])), list(filter(lambda x: x % 2, range(6))), list(reversed("abc")), list(reversed(range(3))))
print(any(x > 2 for x in [1, 2, 3]), all(x > 0 for x in [1, 2, 0]), sum(range(101)), sum([[1], [2]], []))
print(abs(-3.5), round(0.5), round(1.5), round(2.5), round(-0.5), round(7.25, 1), round(10), divmod(-7, -2))
print(pow(2, 100) % 1000, pow(-2, 3), pow(2.0, -2), 7 ** 0, 0 ** 0, (-1) ** 0.5 if False else "", 2 ** 0.5 == 2 ** (1 / 2))
print(isinstance(True, bool), isinstance(1, float), issubclass(int, object), type(None).__name__, type(...).__name__)
print(int("  -42 "), int("101", 2), int("777", 8), int("FF", 16), int(True), float("  3.5 "), float(2), str(3.0), str(10 ** 20))
print(bool(""), bool(" "), bool(0.0), bool([0]), bool(None), bool(range(0)), bool(range(1)))
print(list(range(10, 0, -3)), range(5)[2], range(5)[-1], range(0, 10, 2)[1:3], len(range(1, 100, 7)), 14 in range(0, 20, 7))
print(repr(range(3)), repr(range(1, 5, 2)), list(range(-3)), range(3) == range(0, 3), hash(range(2)) == hash(range(0, 2)))
print(chr(0x1F600) == "\U0001F600", ord("\n"), hex(-255), oct(-8), bin(0), format(255, "b"), format(3.5, ".2f"))
print(ascii("naïve"), repr("tab\t"), ("%r" % "q"), id(1) == id(1))
it = iter([1, 2, 3])
print(next(it), list(it), next(it, "end"))
calls = iter(lambda: len(calls_list) if calls_list.append(1) is None and len(calls_list) < 4 else 0, 0) if False else None
counter = [0]


def tick():
    counter[0] += 1
    return counter[0]


print(list(iter(tick, 4)))
print(getattr(str, "upper")("x"), setattr(counter, "x", 1) if False else "", hasattr([], "sort"), delattr if False else "")


class Obj:
    pass


o = Obj()
setattr(o, "a", 1)
print(getattr(o, "a"), getattr(o, "b", None), hasattr(o, "a"), vars(o))
delattr(o, "a")
print(hasattr(o, "a"))
try:
    getattr(o, "missing")
except AttributeError as e:
    print("AttributeError:", e)
print(hash(1) == hash(1.0) == hash(True), hash("") == hash(""), hash((1, "a")) == hash((1, "a")))
try:
    hash([])
except TypeError as e:
    print("TypeError:", e)
print(len({1: 2}), len("héllo"), len(()), len(set()), len(frozenset([1, 1, 2])))
print(sorted(set("mississippi")), sorted(frozenset({3, 1})), {1, 2} | {3}, {1, 2} & {2}, {1, 2} - {1}, {1} ^ {2})
print(list(map(str, [1, 2])), "".join(map(chr, [72, 105])), max(map(len, ["a", "abc"])), list(zip(*[(1, 2), (3, 4)])))
nums = [5, 2, 8, 1]
nums.sort(key=lambda n: -n)
print(nums, sorted(nums) is nums, nums.index(2), nums.count(8), [1, 2] * 2, [[0] * 2] * 2)
