# tier: 1
# An uncaught exception with a cause: CPython prints both tracebacks and exits 1.


def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError("cannot parse " + repr(text)) from e


print("start")
parse("x1")
