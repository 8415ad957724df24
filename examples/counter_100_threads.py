# The classic GIL article's 100-thread counter: each thread adds 1 to a global.
# Under a GIL with CPython 3.10+'s check points the result is always 100.
import threading

n = 0


def foo():
    global n
    n += 1


threads = []
for i in range(100):
    t = threading.Thread(target=foo)
    threads.append(t)

for t in threads:
    t.start()

for t in threads:
    t.join()

print(n)
