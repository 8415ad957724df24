"""Names for type hints, enough for annotated programs to import and run.

Interlock checks no types, as CPython checks none at run time. The names here can be
subscripted (List[int], Optional[str], Callable[[int], str]) and print as CPython prints
them; TypeVar, Generic, cast, overload and TYPE_CHECKING behave as documented.

Missing: get_type_hints, Protocol checks, NamedTuple and TypedDict class syntax,
ParamSpec, and the rest of typing's introspection.
"""

__all__ = ['Any', 'Callable', 'ClassVar', 'Dict', 'Final', 'FrozenSet', 'Generator',
           'Generic', 'Iterable', 'Iterator', 'List', 'Literal', 'Mapping', 'NoReturn',
           'Optional', 'Sequence', 'Set', 'Tuple', 'Type', 'TypeVar', 'Union', 'Deque',
           'DefaultDict', 'Counter', 'MutableMapping', 'MutableSequence', 'AbstractSet',
           'Hashable', 'Sized', 'Collection', 'Container', 'Awaitable', 'Protocol',
           'cast', 'overload', 'final', 'no_type_check', 'TYPE_CHECKING']

TYPE_CHECKING = False


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return '%s.%s' % (obj.__module__, obj.__qualname__)
    if obj is ...:
        return '...'
    if obj is None or obj is type(None):
        return 'None'
    return repr(obj)


class _GenericAlias:
    """A subscripted special form: List[int], Dict[str, int], Optional[str]."""

    def __init__(self, origin, name, args):
        self.__origin__ = origin
        self._name = name
        self.__args__ = args

    def __repr__(self):
        if self._name == 'Optional':
            return 'typing.Optional[%s]' % _type_repr(self.__args__[0])
        if self._name == 'Callable' and len(self.__args__) == 2 and isinstance(self.__args__[0], list):
            params = '[%s]' % ', '.join(_type_repr(a) for a in self.__args__[0])
            return 'typing.Callable[%s, %s]' % (params, _type_repr(self.__args__[1]))
        return 'typing.%s[%s]' % (self._name, ', '.join(_type_repr(a) for a in self.__args__))

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self._name, self.__args__))

    def __call__(self, *args, **kwargs):
        if self.__origin__ is None:
            raise TypeError("Type %s cannot be instantiated" % self._name)
        return self.__origin__(*args, **kwargs)

    def __getitem__(self, params):
        return self


class _SpecialForm:
    """An unsubscripted name: List, Optional, Any..."""

    def __init__(self, name, origin=None, subscriptable=True):
        self._name = name
        self.__origin__ = origin
        self._subscriptable = subscriptable

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if not self._subscriptable:
            raise TypeError('typing.%s is not subscriptable' % self._name)
        if not isinstance(params, tuple):
            params = (params,)
        if self._name == 'Optional':
            return _GenericAlias(None, 'Optional', (params[0], type(None)))
        if self._name == 'Union':
            unique = []
            for p in params:
                if p not in unique:
                    unique.append(p)
            if len(unique) == 1:
                return unique[0]
            if len(unique) == 2 and type(None) in unique or None in unique:
                other = [p for p in unique if p is not None and p is not type(None)]
                if len(other) == 1:
                    return _GenericAlias(None, 'Optional', (other[0], type(None)))
        return _GenericAlias(self.__origin__, self._name, params)

    def __call__(self, *args, **kwargs):
        if self.__origin__ is None:
            raise TypeError("Cannot instantiate typing.%s" % self._name)
        return self.__origin__(*args, **kwargs)

    def __instancecheck__(self, obj):
        if self.__origin__ is None:
            raise TypeError("typing.%s cannot be used with isinstance()" % self._name)
        return isinstance(obj, self.__origin__)


Any = _SpecialForm('Any', subscriptable=False)
NoReturn = _SpecialForm('NoReturn', subscriptable=False)
Union = _SpecialForm('Union')
Optional = _SpecialForm('Optional')
ClassVar = _SpecialForm('ClassVar')
Final = _SpecialForm('Final')
Literal = _SpecialForm('Literal')
List = _SpecialForm('List', list)
Dict = _SpecialForm('Dict', dict)
Set = _SpecialForm('Set', set)
FrozenSet = _SpecialForm('FrozenSet', frozenset)
Tuple = _SpecialForm('Tuple', tuple)
Type = _SpecialForm('Type', type)
Callable = _SpecialForm('Callable')
Iterable = _SpecialForm('Iterable')
Iterator = _SpecialForm('Iterator')
Generator = _SpecialForm('Generator')
Sequence = _SpecialForm('Sequence')
MutableSequence = _SpecialForm('MutableSequence')
Mapping = _SpecialForm('Mapping')
MutableMapping = _SpecialForm('MutableMapping')
AbstractSet = _SpecialForm('AbstractSet')
Collection = _SpecialForm('Collection')
Container = _SpecialForm('Container')
Hashable = _SpecialForm('Hashable', subscriptable=False)
Sized = _SpecialForm('Sized', subscriptable=False)
Awaitable = _SpecialForm('Awaitable')
Deque = _SpecialForm('Deque')
DefaultDict = _SpecialForm('DefaultDict')
Counter = _SpecialForm('Counter')


class TypeVar:
    """A type variable: T = TypeVar('T')."""

    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        prefix = '+' if self.__covariant__ else '-' if self.__contravariant__ else '~'
        return prefix + self.__name__


class Generic:
    """A base for generic classes: class Box(Generic[T])."""

    def __class_getitem__(cls, params):
        return cls


class Protocol(Generic):
    """A base for structural types; Interlock does not check them."""


def cast(typ, val):
    """Returns val unchanged: a hint for type checkers."""
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(arg):
    return arg
