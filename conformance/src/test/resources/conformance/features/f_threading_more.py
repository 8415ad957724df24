# tier: 2
# threading beyond the corpus: Condition.notify(n), Barrier with an action, a timeout and
# abort, Semaphore and Event timeouts, RLock, Timer.cancel, local subclasses, thread names.
import threading
import time

cond = threading.Condition()
ready = []
woken = []


def waiter(i):
    with cond:
        # Being in ready means waiting on cond: the main thread holds cond while it counts.
        ready.append(i)
        cond.wait()
        woken.append(i)


ws = [threading.Thread(target=waiter, args=(i,)) for i in range(4)]
for w in ws:
    w.start()
while True:
    with cond:
        if len(ready) == 4:
            cond.notify(2)
            break
    time.sleep(0.001)
with cond:
    cond.wait_for(lambda: len(woken) == 2, timeout=10)
    first = len(woken)
    cond.notify_all()
for w in ws:
    w.join()
print("notify(2) woke", first, "then all:", sorted(woken))

actions = []
barrier = threading.Barrier(3, action=lambda: actions.append("tripped"))


def party():
    barrier.wait()
    barrier.wait()


ps = [threading.Thread(target=party) for _ in range(3)]
for p in ps:
    p.start()
for p in ps:
    p.join()
print(actions, barrier.broken, barrier.n_waiting)
lonely = threading.Barrier(2, timeout=0.05)
try:
    lonely.wait()
except threading.BrokenBarrierError:
    print("broken after timeout:", lonely.broken)
lonely.reset()
print("reset:", lonely.broken)
lonely.abort()
try:
    lonely.wait()
except threading.BrokenBarrierError:
    print("aborted barrier raises")

sem = threading.Semaphore(1)
print(sem.acquire(timeout=0.01), sem.acquire(timeout=0.01), sem.acquire(blocking=False))
sem.release()
try:
    sem.acquire(blocking=False, timeout=1)
except ValueError as e:
    print("ValueError:", e)
try:
    threading.Semaphore(-1)
except ValueError as e:
    print("ValueError:", e)
ev = threading.Event()
print(ev.wait(0.01), ev.is_set())
ev.set()
print(ev.wait(), ev.wait(0))

rl = threading.RLock()
with rl:
    with rl:
        print("nested RLock ok")
try:
    rl.release()
except RuntimeError as e:
    print("RuntimeError:", e)
lock = threading.Lock()
with lock:
    print(lock.locked(), lock.acquire(False))
print(lock.locked())

fired = []
timer = threading.Timer(30, lambda: fired.append(1))
timer.start()
timer.cancel()
timer.join()
quick = threading.Timer(0.01, fired.append, args=("quick",))
quick.start()
quick.join()
print("timers:", fired)


class Ctx(threading.local):
    def __init__(self, base):
        self.items = [base]


ctx = Ctx("main")
seen = []


def use():
    seen.append(list(ctx.items))
    ctx.items.append("thread")


t = threading.Thread(target=use)
t.start()
t.join()
print(seen, ctx.items)


def named():
    pass


t1 = threading.Thread(target=named)
t2 = threading.Thread(target=lambda: None)
t3 = threading.Thread(name="custom")
print(t1.name.split("-")[0], t1.name.endswith("(named)"), t2.name.endswith("(<lambda>)"), t3.name)
t1.start()
t1.join()
print(t1.is_alive(), t1.daemon, threading.current_thread().name, threading.main_thread() is threading.current_thread())
try:
    t1.start()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.Thread(target=named).join()
except RuntimeError as e:
    print("RuntimeError:", e)
d = threading.Thread(target=time.sleep, args=(0.01,), daemon=True)
d.start()
d.join()
print(d.daemon, d.is_alive())
