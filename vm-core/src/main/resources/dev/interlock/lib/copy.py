"""Shallow and deep copies: copy.copy(x) and copy.deepcopy(x).

Written in Python for Interlock, following CPython's documented protocol: __copy__ and
__deepcopy__(memo) when a class defines them; built-in containers copied by type; other
instances made with cls.__new__(cls) and given a copy of their __dict__ (or slots).

Classes that define __reduce__ (deque, defaultdict, OrderedDict, Counter) or __getnewargs__
(namedtuple) are rebuilt from what it returns, as pickling would.

Missing: __reduce_ex__/copyreg-based copying of arbitrary built-in types, and __getstate__.
"""

__all__ = ['Error', 'copy', 'deepcopy']


class Error(Exception):
    pass


error = Error

_atomic = (type(None), int, float, bool, str, type, range, type(len), type(lambda: 0),
           type(Ellipsis), type(NotImplemented))


def copy(x):
    """A shallow copy of x."""
    cls = type(x)
    if cls in _atomic or cls is tuple or cls is frozenset:
        return x
    if cls is list:
        return x[:]
    if cls is dict:
        return x.copy()
    if cls is set:
        return x.copy()
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    reduced = _reduction(x)
    if reduced is not None:
        return _rebuild(x, None, *reduced)
    return _reconstruct(x, None)


def deepcopy(x, memo=None, _nil=[]):
    """A deep copy of x; memo maps id(original) to its copy, so shared parts stay shared."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _atomic:
        y = x
    elif cls is list:
        y = []
        memo[d] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif cls is tuple:
        items = [deepcopy(item, memo) for item in x]
        # A tuple holding a copy of itself was already recorded while its items were copied.
        if d in memo:
            return memo[d]
        y = x if all(a is b for a, b in zip(items, x)) else tuple(items)
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set:
        y = {deepcopy(item, memo) for item in x}
    elif cls is frozenset:
        y = frozenset(deepcopy(item, memo) for item in x)
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        else:
            reduced = _reduction(x)
            if reduced is not None:
                y = _rebuild(x, memo, *reduced)
            else:
                y = _reconstruct(x, memo)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    # The originals stay referenced from the memo, so their ids cannot be reused meanwhile.
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reduction(x):
    # What pickling would record for x, when its class says: a __reduce__ of its own (deque,
    # defaultdict, OrderedDict, Counter), or __getnewargs__ (namedtuple). None otherwise.
    cls = type(x)
    reduce = getattr(cls, '__reduce__', None)
    if reduce is not None:
        return reduce(x)
    getnewargs = getattr(cls, '__getnewargs__', None)
    if getnewargs is not None:
        return _new_object, (cls,) + tuple(getnewargs(x)), getattr(x, '__dict__', None) or None
    return None


def _new_object(cls, *args):
    return cls.__new__(cls, *args)


def _rebuild(x, memo, func, args, state=None, listitems=None, dictitems=None):
    # Makes the copy from a reduction: func(*args), then its state, items and entries.
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        setstate = getattr(y, '__setstate__', None)
        if setstate is not None:
            setstate(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state:
                y.__dict__.update(state)
            if slotstate:
                for name, value in slotstate.items():
                    setattr(y, name, value)
    if listitems is not None:
        for item in listitems:
            y.append(deepcopy(item, memo) if deep else item)
    if dictitems is not None:
        for key, value in dictitems:
            if deep:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
            y[key] = value
    return y


def _reconstruct(x, memo):
    cls = type(x)
    if isinstance(x, (list, dict, set)):
        y = cls.__new__(cls)
        if memo is not None:
            memo[id(x)] = y
        if isinstance(x, list):
            y.extend(x if memo is None else (deepcopy(v, memo) for v in x))
        elif isinstance(x, dict):
            for k, v in x.items():
                y[k if memo is None else deepcopy(k, memo)] = v if memo is None else deepcopy(v, memo)
        else:
            y.update(x if memo is None else (deepcopy(v, memo) for v in x))
    else:
        try:
            y = cls.__new__(cls)
        except TypeError:
            raise Error("un(deep)copyable object of type %s" % cls)
        if memo is not None:
            memo[id(x)] = y
    state = getattr(x, '__dict__', None)
    if state:
        if memo is not None:
            state = deepcopy(state, memo)
        y.__dict__.update(state)
    for klass in cls.__mro__:
        names = klass.__dict__.get('__slots__', ())
        if isinstance(names, str):
            names = (names,)
        for name in names:
            if name in ('__dict__', '__weakref__') or not hasattr(x, name):
                continue
            value = getattr(x, name)
            setattr(y, name, value if memo is None else deepcopy(value, memo))
    return y
