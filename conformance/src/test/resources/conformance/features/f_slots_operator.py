# tier: 1
# __slots__ (member descriptors, no __dict__, mangled names) and the operator module.
import sys
class P:
    __slots__=('x','y')
    def __init__(self, x): self.x = x
p=P(1)
print(p.x)
try: p.y
except AttributeError as e: print(e)
print(P.x, type(P.x).__name__)
try: p.__dict__
except AttributeError as e: print(e)
try: p.z = 1
except AttributeError as e: print(e)
try: del p.y
except AttributeError as e: print(e)
del p.x
try: p.x
except AttributeError as e: print(e)
class Q(P):
    pass
q=Q(2); q.z=1; print(q.__dict__, q.x)
try:
    class S:
        __slots__=('a',); a=1
except ValueError as e: print(e)
class T:
    __slots__='single'
print(T.__slots__, T.single)
class U:
    __slots__=('a','__dict__')
u=U(); u.b=2; u.a=1; print(u.__dict__, u.a)
try: vars(P(0))
except TypeError as e: print(e)
p.x=[1]; print(sys.getrefcount(p.x))
class V:
    __slots__ = ('__secret',)
    def __init__(self): self.__secret = 5
    def get(self): return self.__secret
print(V().get(), hasattr(V, '_V__secret'))
class W(P):
    __slots__ = ('w',)
w = W(3); w.w = 4; w.y = 5; print(w.x, w.y, w.w)
import operator
print(operator.add(1, 2), sorted([(1, 'b'), (0, 'a')], key=operator.itemgetter(1)), operator.attrgetter('real')(3), operator.methodcaller('upper')('a'))
print(operator.itemgetter(0, 2)("abc"), repr(operator.itemgetter(1)), operator.countOf([1, 2, 1], 1), operator.indexOf("abc", "c"))
