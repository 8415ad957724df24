# Three threads appending to and trimming one shared list: under finegrained they queue on the
# list's own lock, which the timeline shows as waits for a per-object lock:
#
#   ./interlock trace --lock finegrained --out contended.html examples/contended_list.py
import threading
shared = []
def work():
    for i in range(200000):
        shared.append(i)
        if len(shared) > 100:
            del shared[:50]
ts = [threading.Thread(target=work) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print("done")
