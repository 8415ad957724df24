# tier: 1
# Exceptions beyond the corpus: finally/return interplay, exception attributes, context
# and cause, re-raising, custom __str__, and the builtin hierarchy.


def f():
    try:
        return "try"
    finally:
        print("finally runs before the return")


print(f())


def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
        finally:
            print("finally", i)
    return "done"


print(g())


def h():
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("bad value") from e


try:
    h()
except ValueError as e:
    print(type(e.__cause__).__name__, e.__suppress_context__, type(e.__context__).__name__)

try:
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("while handling")
except RuntimeError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)

try:
    try:
        raise TypeError("inner")
    except TypeError:
        raise ValueError("outer") from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__, repr(e.__context__))


class ParseError(Exception):
    def __init__(self, line, msg):
        super().__init__(line, msg)
        self.line = line
        self.msg = msg

    def __str__(self):
        return "line %d: %s" % (self.line, self.msg)


try:
    raise ParseError(7, "unexpected token")
except Exception as e:
    print(e, repr(e), e.args, e.line)

errors = [ZeroDivisionError, KeyError, IndexError, ValueError, TypeError, AttributeError,
          NameError, StopIteration, OverflowError, RecursionError, NotImplementedError,
          FileNotFoundError, UnboundLocalError, AssertionError]
print([e.__mro__[1].__name__ for e in errors])
print(issubclass(FileNotFoundError, OSError), issubclass(UnboundLocalError, NameError),
      issubclass(RecursionError, RuntimeError), issubclass(KeyboardInterrupt, Exception))


def depth(n):
    return depth(n + 1)


try:
    depth(0)
except RecursionError as e:
    print("RecursionError:", e)

try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)


def reraiser():
    try:
        int("x")
    except ValueError:
        print("logging")
        raise


try:
    reraiser()
except ValueError as e:
    print("re-raised:", e)

e = ValueError("a", "b")
print(str(e), e.args, str(KeyError("k")), str(KeyError()), repr(StopIteration(5)), StopIteration(5).value)
try:
    [].pop()
except (KeyError, IndexError) as e:
    print(type(e).__name__, e)
x = 0
try:
    x = 1
except Exception:
    x = 2
else:
    x += 10
finally:
    x += 100
print(x)
try:
    assert False
except AssertionError as e:
    print(repr(e), e.args)
