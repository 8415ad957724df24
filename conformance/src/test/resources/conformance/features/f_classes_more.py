# tier: 1
# Classes beyond the corpus: __del__ timing, property setters/deleters, alternative
# constructors, __getattr__/__setattr__, __call__, reflected operators, hashing in sets.
import sys

log = []


class Resource:
    def __init__(self, name):
        self.name = name
        log.append("open " + name)

    def __del__(self):
        log.append("close " + self.name)


r = Resource("a")
r2 = r
del r
log.append("after first del")
del r2
log.append("after second del")
Resource("temp")
log.append("after temp")
print(log)


class Temperature:
    def __init__(self, celsius):
        self._c = celsius

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    @fahrenheit.setter
    def fahrenheit(self, f):
        self._c = (f - 32) * 5 / 9

    @fahrenheit.deleter
    def fahrenheit(self):
        print("deleting")
        self._c = 0

    @classmethod
    def from_fahrenheit(cls, f):
        t = cls(0)
        t.fahrenheit = f
        return t

    @staticmethod
    def describe():
        return "a temperature"


t = Temperature.from_fahrenheit(212)
print(t._c, t.fahrenheit, Temperature.describe(), t.describe())
del t.fahrenheit
print(t._c)
try:
    Temperature.fahrenheit.fget(None)
except AttributeError as e:
    print("AttributeError", e)


class Record:
    def __init__(self):
        object.__setattr__(self, "fields", {})

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return self.fields.get(name, "<missing>")

    def __setattr__(self, name, value):
        self.fields[name] = value

    def __delattr__(self, name):
        del self.fields[name]


rec = Record()
rec.x = 1
print(rec.x, rec.y, rec.fields, hasattr(rec, "_secret"), getattr(rec, "z", 5))
del rec.x
print(rec.fields)


class Adder:
    def __init__(self, n):
        self.n = n

    def __call__(self, x):
        return x + self.n

    def __add__(self, other):
        if isinstance(other, Adder):
            return Adder(self.n + other.n)
        if isinstance(other, int):
            return Adder(self.n + other)
        return NotImplemented

    def __radd__(self, other):
        return self.__add__(other)

    def __eq__(self, other):
        return isinstance(other, Adder) and self.n == other.n

    def __hash__(self):
        return hash(self.n)

    def __repr__(self):
        return "Adder(%d)" % self.n


a = Adder(3)
print(a(4), (a + Adder(2)).n, (10 + a).n, sum([Adder(1), Adder(2)], Adder(0)), callable(a))
print({Adder(1), Adder(1), Adder(2)} == {Adder(2), Adder(1)}, {Adder(5): "five"}[Adder(5)])
try:
    a + "x"
except TypeError as e:
    print("TypeError:", e)


class Base:
    registry = []

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        Base.registry.append(cls.__name__)


class Left(Base):
    def who(self):
        return "left"


class Right(Base):
    def who(self):
        return "right"


class Both(Left, Right):
    pass


print(Base.registry, Both().who(), [c.__name__ for c in Both.__mro__], Both.__bases__)


class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


print(list(Countdown(3)), sum(Countdown(4)), max(Countdown(5)), 2 in Countdown(3))


class Shelf:
    def __init__(self, *items):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]

    def __contains__(self, x):
        return x in self.items

    def __bool__(self):
        return bool(self.items)


s = Shelf("a", "b", "c")
print(len(s), s[1], s[-1], s[0:2], "b" in s, "z" in s, bool(Shelf()), list(s), [x for x in s])


class Counter:
    instances = 0

    def __init__(self):
        Counter.instances += 1
        self.id = Counter.instances


c1, c2 = Counter(), Counter()
c1.instances = 100
print(Counter.instances, c1.instances, c2.instances, c1.id, c2.id, vars(c1))
print(type(c1).__name__, type(c1).__qualname__, Counter.__name__, isinstance(c1, (int, Counter)))
print(sys.getrefcount(c2) - sys.getrefcount(c1) == 0)
