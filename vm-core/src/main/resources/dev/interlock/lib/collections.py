"""Container datatypes: deque, defaultdict, OrderedDict, Counter and namedtuple.

deque, defaultdict and OrderedDict are implemented natively (module _collections); Counter and
namedtuple are written here, in Python, as CPython writes them.
"""

__all__ = ['Counter', 'OrderedDict', 'defaultdict', 'deque', 'namedtuple']

import sys as _sys

from itertools import chain as _chain
from itertools import repeat as _repeat
from itertools import starmap as _starmap
from keyword import iskeyword as _iskeyword

from _collections import OrderedDict
from _collections import _count_elements
from _collections import _tuplegetter
from _collections import defaultdict
from _collections import deque


################################################################################
### namedtuple
################################################################################

def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    """A new tuple subclass whose items can also be read as attributes named field_names.

    Point = namedtuple('Point', 'x y') makes Point(1, y=2), whose repr is Point(x=1, y=2).
    """
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = [str(name) for name in field_names]
    typename = _sys.intern(str(typename))

    if rename:
        taken = set()
        for position, name in enumerate(field_names):
            if (not name.isidentifier() or _iskeyword(name) or name.startswith('_')
                    or name in taken):
                field_names[position] = f'_{position}'
            taken.add(name)

    for name in [typename] + field_names:
        if type(name) is not str:
            raise TypeError('Type names and field names must be strings')
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid '
                             f'identifiers: {name!r}')
        if _iskeyword(name):
            raise ValueError('Type names and field names cannot be a '
                             f'keyword: {name!r}')

    taken = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: '
                             f'{name!r}')
        if name in taken:
            raise ValueError(f'Encountered duplicate field name: {name!r}')
        taken.add(name)

    field_defaults = {}
    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError('Got more default values than field names')
        first_default = len(field_names) - len(defaults)
        for name, value in zip(field_names[first_default:], defaults):
            field_defaults[name] = value

    field_names = tuple(map(_sys.intern, field_names))
    field_count = len(field_names)
    parameters = ', '.join(field_names)
    if field_count == 1:
        parameters += ','
    item_reprs = ', '.join(f'{name}=%r' for name in field_names)
    repr_format = f'({item_reprs})'
    make_tuple = tuple.__new__
    as_dict, walk_together, as_tuple, length, apply = dict, zip, tuple, len, map

    # __new__ is compiled, so that its signature (and the errors for a bad call) are those
    # of a function taking the fields as parameters.
    compile_namespace = {
        '_tuple_new': make_tuple,
        '__builtins__': {},
        '__name__': f'namedtuple_{typename}',
    }
    __new__ = eval(f'lambda _cls, {parameters}: _tuple_new(_cls, ({parameters}))',
                   compile_namespace)
    __new__.__name__ = '__new__'
    __new__.__doc__ = f'Create new instance of {typename}({parameters})'
    if defaults is not None:
        __new__.__defaults__ = defaults

    @classmethod
    def _make(cls, iterable):
        result = make_tuple(cls, iterable)
        if length(result) != field_count:
            raise TypeError(f'Expected {field_count} arguments, got {len(result)}')
        return result

    _make.__func__.__doc__ = f'A {typename} made from the items of an iterable'

    def _replace(self, /, **kwds):
        result = self._make(apply(kwds.pop, field_names, self))
        if kwds:
            raise ValueError(f'Got unexpected field names: {list(kwds)!r}')
        return result

    _replace.__doc__ = f'A copy of this {typename} with the fields given by keyword replaced'

    def __repr__(self):
        return self.__class__.__name__ + repr_format % self

    def _asdict(self):
        return as_dict(walk_together(self._fields, self))

    def __getnewargs__(self):
        return as_tuple(self)

    for method in (__new__, _make.__func__, _replace, __repr__, _asdict, __getnewargs__):
        method.__qualname__ = f'{typename}.{method.__name__}'

    class_namespace = {
        '__doc__': f'{typename}({parameters})',
        '__slots__': (),
        '_fields': field_names,
        '_field_defaults': field_defaults,
        '__new__': __new__,
        '_make': _make,
        '_replace': _replace,
        '__repr__': __repr__,
        '_asdict': _asdict,
        '__getnewargs__': __getnewargs__,
        '__match_args__': field_names,
    }
    for position, name in enumerate(field_names):
        class_namespace[name] = _tuplegetter(position, _sys.intern(f'Alias for field number {position}'))

    result = type(typename, (tuple,), class_namespace)

    # The class belongs to the caller's module (for repr and pickling), unless told otherwise.
    if module is None:
        try:
            module = _sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            pass
    if module is not None:
        result.__module__ = module

    return result


################################################################################
### Counter
################################################################################

def _count_of(pair):
    # the sort key of most_common(): the count of an (element, count) pair
    return pair[1]


class Counter(dict):
    """A dict that counts hashable things: each key's value is how many times it was seen.

    Counts may be zero or negative; the arithmetic operators keep only positive counts.
    """

    def __init__(self, iterable=None, /, **kwds):
        super().__init__()
        self.update(iterable, **kwds)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self.values())

    def most_common(self, n=None):
        if n is None:
            return sorted(self.items(), key=_count_of, reverse=True)
        import heapq
        return heapq.nlargest(n, self.items(), key=_count_of)

    def elements(self):
        return _chain.from_iterable(_starmap(_repeat, self.items()))

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        if iterable is not None:
            if isinstance(iterable, dict):
                if self:
                    current = self.get
                    for elem, count in iterable.items():
                        self[elem] = count + current(elem, 0)
                else:
                    # a fast start that keeps the other mapping's order
                    dict.update(self, iterable)
            else:
                _count_elements(self, iterable)
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        if iterable is not None:
            current = self.get
            if isinstance(iterable, dict):
                for elem, count in iterable.items():
                    self[elem] = current(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = current(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        return self.__class__(self)

    def __reduce__(self):
        return self.__class__, (dict(self),)

    def __delitem__(self, elem):
        if elem in self:
            dict.pop(self, elem)

    def __repr__(self):
        if not self:
            return f'{self.__class__.__name__}()'
        try:
            # a dict keeps the order most_common() gives
            shown = dict(self.most_common())
        except TypeError:
            # counts that cannot be ordered are shown as they are
            shown = dict(self)
        return f'{self.__class__.__name__}({shown!r})'

    # Multiset comparisons: a missing element counts as zero.

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] == other[e] for c in (self, other) for e in c)

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] <= other[e] for c in (self, other) for e in c)

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] >= other[e] for c in (self, other) for e in c)

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    # Multiset arithmetic: results keep only positive counts.

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            total = count + other[elem]
            if total > 0:
                result[elem] = total
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            remaining = count - other[elem]
            if remaining > 0:
                result[elem] = remaining
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            theirs = other[elem]
            larger = theirs if count < theirs else count
            if larger > 0:
                result[elem] = larger
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            theirs = other[elem]
            smaller = count if count < theirs else theirs
            if smaller > 0:
                result[elem] = smaller
        return result

    def __pos__(self):
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    def _keep_positive(self):
        for elem in [elem for elem, count in self.items() if not count > 0]:
            del self[elem]
        return self

    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for elem, theirs in other.items():
            if self[elem] < theirs:
                self[elem] = theirs
        return self._keep_positive()

    def __iand__(self, other):
        for elem, count in self.items():
            theirs = other[elem]
            if theirs < count:
                self[elem] = theirs
        return self._keep_positive()
