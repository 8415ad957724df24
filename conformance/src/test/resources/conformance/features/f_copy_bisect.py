# tier: 1
# copy.copy/deepcopy (cycles, __copy__/__deepcopy__, slots) and bisect.
import copy, bisect
a = [1, [2, 3], {"k": [4]}]
b = copy.copy(a); c = copy.deepcopy(a)
a[1].append(9); a[2]["k"].append(8)
print(b, c, b[1] is a[1], c[1] is a[1])
class Node:
    def __init__(self, v, nxt=None):
        self.v = v; self.nxt = nxt
n = Node(1, Node(2)); n.nxt.nxt = n
m = copy.deepcopy(n)
print(m.v, m.nxt.v, m.nxt.nxt is m, m is not n)
class C:
    def __copy__(self): return "custom copy"
    def __deepcopy__(self, memo): return "custom deep"
print(copy.copy(C()), copy.deepcopy(C()), copy.deepcopy((1, [2])), copy.copy((1, 2)))
s = [1, 3, 5, 7]
print(bisect.bisect(s, 5), bisect.bisect_left(s, 5), bisect.bisect_right(s, 0))
bisect.insort(s, 4); bisect.insort_left(s, 7); print(s)
print(bisect.bisect([(1, 'a'), (3, 'b')], 2, key=lambda t: t[0]))
class S:
    __slots__ = ('a', 'b')
    def __init__(self): self.a = [1]; self.b = 2
t = copy.deepcopy(S()); print(t.a, t.b)
