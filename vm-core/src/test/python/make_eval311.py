"""Regenerates the oracles of EvalLoopTest and ReferenceCountTest: what CPython 3.11 prints for small programs.

    python3 vm-core/src/test/python/make_eval311.py eval > vm-core/src/test/resources/dev/interlock/vm/eval/programs-3.11.txt
    python3 vm-core/src/test/python/make_eval311.py refcount > vm-core/src/test/resources/dev/interlock/vm/memory/refcount-3.11.txt

Each program is run as a file, `python3 prog.py`; the oracle holds its stdout, its stderr (the file's
path shown as prog.py) and its exit status. Case names start with the group EvalLoopTest runs them
in. Programs use only what Interlock supports today: no class statements, generators or sets.
"""
import os
import subprocess
import sys
import tempfile

assert sys.version_info[:2] == (3, 11), "run this with CPython 3.11"

CASES = {}
REFCOUNT_CASES = {}


def case(name, source, into=CASES):
    assert name not in into
    into[name] = source.lstrip("\n")


def refcount_case(name, source):
    case(name, source, REFCOUNT_CASES)


# ---------------------------------------------------------------- arithmetic
case("arith_int_operators", """
print(7 + 3, 7 - 10, 6 * 7, 7 / 2, 2 ** 10, 2 ** -1, abs(-5), -(-3), +4)
print(-7 // 2, 7 // -2, -7 // -2, 7 // 2)
print(-7 % 3, 7 % -3, -7 % -3, 7 % 3)
print(divmod(-7, 2), divmod(7, -2), pow(3, 4, 5), pow(2, -1, 7))
""")
case("arith_big_ints", """
print(2 ** 100, -(2 ** 64))
f = 1
for i in range(1, 26):
    f *= i
print(f, f // 10 ** 20, f % 1000003)
print((2 ** 70) // 3, -(2 ** 70) // 3, -(2 ** 70) % 7, (10 ** 20) // -7, (10 ** 20) % -7)
print(2 ** 64 - 1 == 18446744073709551615, (2 ** 63) * 2, 12345678901234567890 * 98765432109876543210)
print(int("123456789012345678901234567890") + 1, hex(2 ** 70), -2 ** 63 - 1)
""")
case("arith_floats", """
print(0.1 + 0.2, 1 / 3, 2.5 * 4, 7.0 // 2, -7.5 % 2, 7.5 % -2, 1e16, 1e-7, 123456789.0 * 10)
print(round(2.675, 2), round(0.5), round(1.5), round(-2.5), int(-3.7), float(7), 3 * 0.1)
print(float("inf"), -float("inf"), 1e308 * 10, 2 ** 0.5, 10 / 4, 9 ** 0.5)
""")
case("arith_bitwise_and_mixed", """
print(5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 70, -16 >> 2, (2 ** 80) >> 70, -1 & 0xFF)
print(1 == 1.0, 2 < 2.5, True + True, 3 * True, 7 // 2.0, 2 ** 3.0, 10 % 3.5)
print(max(3, 7.5, -1), min([4, 2, 9]), sum(range(101)), sum([0.5, 0.25]), abs(-2.5))
""")
case("arith_augmented", """
n = 10
n += 5
n -= 3
n *= 4
n //= 5
n **= 3
n %= 1000
n <<= 2
n |= 1
print(n)
x = 7.0
x /= 2
print(x)
""")

# ---------------------------------------------------------------- strings
case("str_methods", """
s = "Hello, World"
print(s.upper(), s.lower(), s.swapcase(), s[::-1], s[7:], len(s))
print(s.split(", "), "-".join(["a", "b", "c"]), s.replace("l", "L", 2), s.find("o"), s.rfind("o"), s.count("l"))
print("  pad  ".strip(), "xxhixx".strip("x"), "a,b,,c".split(","), "one two  three".split(), "abc".startswith("ab"))
print("42".zfill(5), "ab".center(6, "*"), "ab".ljust(4, ".") + "|", "ab".rjust(4) + "|", "Title case".title())
print("x" in "xyz", "abc" < "abd", "Z" < "a", ord("A"), chr(955), "ab" * 3, "3".isdigit(), "a1".isalnum())
""")
case("str_formatting", """
print("%5.2f|%-4d|%s|%r|%x|%o|%e|%%" % (3.14159, 42, "x", "y", 255, 8, 12345.678))
print("{:>6}|{:^7}|{:08.3f}|{}-{}|{name}".format("ab", "mid", 2.5, 1, 2, name="kw"))
w = 10
print(f"{12345:,} {0.5:.1%} {255:#x} {'r':>{w}} {3.0!r} {'q'!r} {7:b}")
print(repr("it's"), repr('say "hi"'), repr("tab\\there"), str(12), str(1.0), str(None), str(True))
""")

# ---------------------------------------------------------------- containers
case("cont_lists", """
a = [5, 3, 8]
a.append(1)
a.extend([9, 2])
a.insert(0, 7)
print(a, a.pop(), a.pop(0), a.index(8), a.count(3))
a.remove(3)
a.sort()
print(a, sorted(a, reverse=True), sorted(["bb", "a", "ccc"], key=len), a[::-1])
a.reverse()
b = a.copy()
b.clear()
print(a, b, [1, 2] + [3], [0] * 3, len(a), 8 in a, [[1, 2], [3]] == [[1, 2], [3]])
grid = [[0] * 3] * 2
grid[0][0] = 1
print(grid, [x * x for x in range(6) if x % 2], [(i, j) for i in range(2) for j in range(2)])
""")
case("cont_dicts", """
d = {"b": 2, "a": 1}
d["c"] = 3
print(d, d.get("z"), d.get("z", 0), d["a"], len(d), "b" in d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("b"), d.setdefault("e", 5), d)
d.update({"a": 10, "f": 6})
del d["c"]
print(d, {k: v * 2 for k, v in d.items() if v > 5}, dict(zip("xy", [1, 2])))
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, {1: "int", 1.0: "float", True: "bool"}, {**d, "z": 0})
""")
case("cont_tuples_and_unpacking", """
t = (1, "two", 3.0)
a, b, c = t
first, *rest = [1, 2, 3, 4]
*init, last = "abc"
(x, y), z = (1, 2), 3
print(t, a, b, c, first, rest, init, last, x, y, z)
print((1,), (), (1, 2) + (3,), (1, 2) < (1, 3), (2,) * 3, len(t), t.index(3.0), t.count(1))
p, q = 1, 2
p, q = q, p
print(p, q, tuple([1, 2]), list((3, 4)), max((1, "b"), (1, "a")))
for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
    print(i, k, v)
print(list(zip([1, 2, 3], "ab")), list(map(abs, [-1, 2])), list(filter(None, [0, 1, "", "x"])))
""")
case("slice_sequences", """
a = list(range(10))
s = "abcdefghij"
print(a[2:5], a[:3], a[7:], a[-3:], a[::2], a[::-3], a[8:2:-2], a[-100:100], a[5:2])
print(s[1:4], s[-1], s[::-1], s[::3], (0, 1, 2, 3)[1::2], s[3:-3])
a[2:5] = ["x"]
print(a)
a[::2] = [0] * 5
print(a)
del a[1:3]
del a[::3]
print(a, len(a))
b = [1, 2, 3]
b[1:1] = [9, 9]
b[-1:] = []
print(b)
""")

# ---------------------------------------------------------------- control flow
case("flow_loops", """
for i in range(3):
    if i == 1:
        continue
    print("for", i)
else:
    print("for done")
n = 0
while n < 10:
    n += 3
    if n == 6:
        break
else:
    print("never")
print("while stopped at", n)
while n > 0:
    n -= 4
else:
    print("while else", n)
for k in range(2, 20):
    for d in range(2, k):
        if k % d == 0:
            break
    else:
        print("prime", k)
print([i for i in range(10, 0, -3)], list(range(0)), list(range(-2, 2)))
""")
case("flow_conditionals", """
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif 0 < n <= 9:
        return "digit"
    else:
        return "big"
print([classify(n) for n in (-1, 0, 5, 10)])
print(1 and 2, 0 and 2, 0 or "x", "" or [] or None, not 0, 3 if [] else 4, 1 < 2 < 3, 3 > 2 > 2)
x = 5
print(x is not None, None is None, [] == [], [] is [], type(x) is int, isinstance(x, int))
""")

# ---------------------------------------------------------------- functions
case("func_arguments", """
def f(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, sorted(kw.items())
print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, d=9, e=10, f=11))
print(f(*[1, 2, 3], **{"c": 4, "z": 5}))
def g(x, /, y, *, z):
    return x + y + z
print(g(1, y=2, z=3), g(1, 2, z=3))
def acc(item, into=[]):
    into.append(item)
    return into
print(acc(1), acc(2), acc(3, []))
print((lambda p, q=10: p * q)(3), sorted([3, -1, 2], key=lambda v: -v), f.__name__)
""")
case("func_argument_errors", """
def greet(name, greeting="hi"):
    return greeting + " " + name
for call in (lambda: greet(), lambda: greet("a", "b", "c"), lambda: greet("a", nope=1),
             lambda: greet("a", name="b"), lambda: len(), lambda: len(1, 2), lambda: abs("x")):
    try:
        call()
    except TypeError as e:
        print(e)
""")
case("func_recursion", """
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
def hanoi(n, a, b, c, moves):
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append(a + c)
        hanoi(n - 1, b, a, c, moves)
    return moves
print(fib(20), ack(2, 3), is_even(100), is_odd(7), len(hanoi(6, "A", "B", "C", [])), hanoi(2, "A", "B", "C", []))
""")
case("closure_nonlocal", """
def counter(start):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c1, c2 = counter(0), counter(100)
print(c1(), c1(), c1(5), c2(), c1())
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner()
    return middle()
print(outer())
late = [lambda: i for i in range(3)]
early = [lambda i=i: i for i in range(3)]
print([f() for f in late], [f() for f in early])
total = 0
def add(n):
    global total
    total += n
add(3)
add(4)
print(total)
def make_adders():
    return [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in make_adders()])
""")

# ---------------------------------------------------------------- exceptions
case("exc_try_except_finally_order", """
def run(v):
    out = []
    try:
        out.append("try")
        if v == 1:
            raise ValueError("one")
        if v == 2:
            raise KeyError("two")
        out.append("no error")
    except ValueError as e:
        out.append("value " + str(e))
    except Exception as e:
        out.append("other " + repr(e))
    else:
        out.append("else")
    finally:
        out.append("finally")
    return out
for v in range(3):
    print(run(v))
""")
case("exc_return_in_finally", """
def f():
    try:
        return "try"
    finally:
        return "finally"
def g():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
def h():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print("finally", i)
    return i
def k():
    x = 1
    try:
        return x
    finally:
        x = 2
        print("x set to", x)
print(f(), g(), h(), k())
""")
case("exc_messages", """
def attempt(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
attempt(lambda: 1 / 0)
attempt(lambda: 1 // 0)
attempt(lambda: 1 % 0)
attempt(lambda: 1.0 / 0)
attempt(lambda: [][1])
attempt(lambda: {}["k"])
attempt(lambda: int("x"))
attempt(lambda: None + 1)
attempt(lambda: "a" + 1)
attempt(lambda: undefined_name)
attempt(lambda: "abc".nope)
def set_item():
    t = (1, 2)
    t[0] = 1
attempt(set_item)
attempt(lambda: len(5))
attempt(lambda: [1, 2].index(3))
attempt(lambda: [].pop())
attempt(lambda: int("12", 1))
attempt(lambda: "x" * "y")
attempt(lambda: [1] * 1.5)
attempt(lambda: 2.5 * (1,))
attempt(lambda: [1] + 1)
attempt(lambda: (1,) + "a")
attempt(lambda: 1 + [1])
attempt(lambda: sorted([1, "a"]))
""")
case("exc_raise_forms", """
def check(n):
    if n < 0:
        raise ValueError(f"negative: {n}")
    return n
try:
    check(-2)
except ValueError as e:
    print("caught", e, e.args)
try:
    try:
        {}["missing"]
    except KeyError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(e, repr(e.__cause__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise
except ZeroDivisionError as e:
    print("re-raised", e)
try:
    raise TypeError
except TypeError as e:
    print(repr(e), str(e) == "")
try:
    assert 1 > 2, "math is broken"
except AssertionError as e:
    print("assert", e)
""")
case("exc_name_errors", """
def f():
    print(x)
    x = 1
try:
    f()
except UnboundLocalError as e:
    print(type(e).__name__, e)
try:
    print(nowhere)
except NameError as e:
    print(type(e).__name__, e)
def g():
    del y
    y = 1
try:
    g()
except UnboundLocalError as e:
    print(e)
print(issubclass(UnboundLocalError, NameError))
""")
case("with_lock", """
import threading
lock = threading.Lock()
with lock:
    print("inside", lock.locked())
print("after", lock.locked())
try:
    with lock:
        raise ValueError("inside with")
except ValueError as e:
    print("caught", e, "locked:", lock.locked())
print(lock.acquire(), lock.acquire(False), lock.locked())
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print(e)
def first_even(xs):
    for x in xs:
        with lock:
            if x % 2 == 0:
                return x
print(first_even([1, 3, 4, 5]), lock.locked())
""")

# ---------------------------------------------------------------- errors and exit status
case("status_uncaught_exception", """
def inner(d):
    return d["key"]
def outer():
    return inner({})
print("before")
outer()
print("not reached")
""")
case("status_uncaught_in_nested_call", """
def divide(a, b):
    return a / b
values = [4, 2, 0]
for v in values:
    print(divide(8, v))
""")
case("status_exception_in_handler", """
try:
    1 / 0
except ZeroDivisionError:
    [].pop()
""")
case("status_explicit_cause", """
try:
    int("nope")
except ValueError as e:
    raise KeyError("k") from e
""")
case("status_system_exit_code", """
import sys
print("exiting")
sys.exit(3)
print("not reached")
""")
case("status_system_exit_message", """
import sys
sys.exit("fatal: bad input")
""")
case("status_system_exit_none", """
import sys
try:
    sys.exit()
finally:
    print("finally runs")
""")
case("status_raise_system_exit", """
raise SystemExit(0)
""")
case("status_system_exit_caught", """
import sys
try:
    sys.exit(5)
except SystemExit as e:
    print("caught exit", e.code)
print("still running")
""")
case("status_name_error", """
print(undefined)
""")
case("status_unbound_local", """
def f():
    total += 1
f()
""")
case("status_augmented_assignment_type_error", """
counts = {"a": [1]}
counts["a"] += 1
""")
case("status_attribute_error_in_augmented_assignment", """
import sys
sys.nothing += 1
""")
case("recursion_limit_caught", """
import sys
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)
print(sys.getrecursionlimit())
def depth(n):
    return n if n == 0 else 1 + depth(n - 1)
print(depth(900))
""")
case("recursion_limit_uncaught", """
def forever(n):
    return forever(n + 1)
forever(0)
""")


# ---------------------------------------------------------------- sys.getrefcount (ReferenceCountTest)
# CPython's rules: getrefcount's own argument counts one; a Python function's parameter adds one
# while the call runs; each container slot, dict value and name holds one; del, clear(), pop() and
# rebinding drop a reference at once. Only objects without immortal or shared counts are measured.
refcount_case("refcount_aliases", """
import sys
a = []
print(sys.getrefcount(a))
b = a
print(sys.getrefcount(a))
c = a
print(sys.getrefcount(a))
b = None
print(sys.getrefcount(a))
c = 5
print(sys.getrefcount(a))
del a
""")
refcount_case("refcount_containers", """
import sys
data = []
holder = [data]
print("in a list", sys.getrefcount(data))
triple = [data, data, data]
print("three more slots", sys.getrefcount(data))
del triple
print("after del list", sys.getrefcount(data))
pair = (data, 1)
print("in a tuple", sys.getrefcount(data))
table = {"k": data}
print("as dict value", sys.getrefcount(data))
table["k"] = None
print("dict value replaced", sys.getrefcount(data))
table["j"] = data
table.clear()
print("dict cleared", sys.getrefcount(data))
holder.pop()
print("popped from list", sys.getrefcount(data))
del pair
print("tuple deleted", sys.getrefcount(data))
nested = [[data], [data]]
print("nested lists", sys.getrefcount(data))
nested[0] = None
print("inner list dropped", sys.getrefcount(data))
nested = None
print("outer list dropped", sys.getrefcount(data))
""")
refcount_case("refcount_calls", """
import sys
def refs(obj):
    return sys.getrefcount(obj)
def two(a, b):
    return sys.getrefcount(a)
def keep(obj, into):
    into.append(obj)
    return sys.getrefcount(obj)
data = {}
print("argument", refs(data))
print("same object twice", two(data, data))
store = []
print("stored by callee", keep(data, store))
print("after the call", sys.getrefcount(data))
print("as keyword", refs(obj=data))
print("star args", refs(*[data]))
""")
refcount_case("refcount_function_locals", """
import sys
def inside_function():
    local = {}
    out = [sys.getrefcount(local)]
    other = local
    out.append(sys.getrefcount(local))
    nest = [[local]]
    out.append(sys.getrefcount(local))
    nest.clear()
    out.append(sys.getrefcount(local))
    del other
    out.append(sys.getrefcount(local))
    return out
print("function locals", inside_function())
shared = []
owners = [shared for _ in range(10)]
print("ten owners", sys.getrefcount(shared))
owners = None
print("owners dropped", sys.getrefcount(shared))
""")
refcount_case("refcount_loops_and_closures", """
import sys
item = []
items = [item, item]
for x in items:
    print("loop variable", sys.getrefcount(item))
del x
print("after loop", sys.getrefcount(item))
def outer():
    captured = []
    def inner():
        return captured
    print("captured in a cell", sys.getrefcount(captured))
    return inner
f = outer()
print("returned closure keeps it", sys.getrefcount(f()))
words = ["alpha", "beta"]
print("list of fresh strings", [sys.getrefcount(w) for w in words][:0], sys.getrefcount(words))
""")


def main():
    which = sys.argv[1]
    cases = {"eval": CASES, "refcount": REFCOUNT_CASES}[which]
    print("# Generated by vm-core/src/test/python/make_eval311.py with CPython", sys.version.split()[0])
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "prog.py")
        for name, source in cases.items():
            with open(path, "w") as f:
                f.write(source)
            run = subprocess.run([sys.executable, path], capture_output=True, text=True, cwd=tmp)
            print(f"### {name}")
            print(source, end="")
            print("### stdout")
            print(run.stdout, end="")
            print("### stderr")
            print(run.stderr.replace(path, "prog.py"), end="")
            print("### status")
            print(run.returncode)
            print("### end")


main()
