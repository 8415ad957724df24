# The classic GIL article's dis example: `n += 1` is four bytecode instructions,
# and a thread can be switched out between any two of them (on CPython before 3.10).
import dis

n = 0


def foo():
    global n
    n += 1


dis.dis(foo)
