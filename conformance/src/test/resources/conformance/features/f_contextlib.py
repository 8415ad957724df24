# tier: 1
# contextlib (contextmanager, suppress, closing, nullcontext, ExitStack).
from contextlib import contextmanager, suppress, closing, nullcontext, ExitStack
log = []
@contextmanager
def tag(name):
    log.append("<" + name + ">")
    try:
        yield name.upper()
    except KeyError as e:
        log.append("handled " + repr(e))
    finally:
        log.append("</" + name + ">")
with tag("a") as t:
    log.append(t)
with tag("b"):
    {}["missing"]
try:
    with tag("c"):
        raise ValueError("through")
except ValueError as e:
    log.append("outer " + str(e))
print(log)
with suppress(ZeroDivisionError, KeyError):
    1 / 0
print("suppressed")
class Res:
    def close(self): print("closed")
with closing(Res()) as r:
    print(type(r).__name__)
with nullcontext(5) as v:
    print(v)
with ExitStack() as stack:
    for i in range(3):
        stack.callback(print, "callback", i)
    stack.enter_context(tag("d"))
print(log[-2:])
@contextmanager
def noyield():
    if False:
        yield
try:
    with noyield():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)
print(tag.__name__)
